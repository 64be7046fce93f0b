// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { byId, load } from '../gmail-dom/dom';
import { startGmailIntegration } from '../../../src/content/controller/page';
import { formatDue } from '../../../src/core/schedule/format';
import type { Reminder, ReminderStatus } from '../../../src/core/reminder';
import { buttonText, deliverAccount, fakeDeps, fakeReminder, NOW, onlyShadow, setPageUrl, settle, type Fake, type Handlers } from './harness';

const EN_IDS = { threadId: '15f1123136926bff', permThreadId: 'thread-f:1581064946762017791' };
const REPLY_AT = Date.UTC(2025, 5, 10, 10, 12);
const ALICE = { email: 'alice@example.com', name: 'Alice Example' };

let stop: (() => void) | undefined;
beforeEach(() => setPageUrl('https://mail.google.com/mail/u/0/#inbox/15f1123136926bff'));
afterEach(() => {
  vi.useRealTimers();
  stop?.();
  stop = undefined;
});

async function start(handlers?: Handlers, fixture = 'thread-view-en.html'): Promise<Fake> {
  load(fixture);
  const fake = fakeDeps({ handlers });
  stop = startGmailIntegration(fake.deps);
  await settle();
  return fake;
}

const toolbar = () => byId(document, ':thread-mtb');
const withStatus = (status: ReminderStatus, over: Partial<Reminder> = {}) =>
  ({ 'reminder.getByThread': () => ({ reminder: fakeReminder({ id: 'rem-7', status, ...over }) }) }) satisfies Handlers;
const repliedByAlice = (): Partial<Reminder> => ({ resolution: { kind: 'reply', by: ALICE, at: REPLY_AT, source: 'gmail-tab' } });

/** Adds a copy of the thread's last message with a new id, from `sender` (none: no address at all). */
function addMessage(n: number, sender: string | null = 'alice@example.com'): void {
  const last = byId(document, ':m3').closest('[role=listitem]')!;
  const copy = last.cloneNode(true) as Element;
  copy.querySelector('.ip.adB')?.remove();
  const msg = copy.querySelector('div.adn')!;
  msg.id = `:new${n}`;
  msg.setAttribute('data-message-id', `#msg-f:${1581080000000000000n + BigInt(n)}`);
  msg.setAttribute('data-legacy-message-id', (1581080000000000000n + BigInt(n)).toString(16));
  const from = msg.querySelector('td.gF span[email]')!;
  if (sender) from.setAttribute('email', sender);
  else msg.querySelectorAll('[email]').forEach((e) => (e.removeAttribute('email'), e.removeAttribute('data-hovercard-id')));
  last.parentElement!.append(copy);
}

async function openMenu(): Promise<ShadowRoot> {
  const shadow = onlyShadow(toolbar());
  shadow.querySelector<HTMLButtonElement>('button.btn')!.click();
  await settle();
  return shadow;
}

describe('what the thread view tells the background', () => {
  it.each<ReminderStatus>(['pending', 'notified', 'snoozed'])('a %s reminder: the visible messages, once', async (status) => {
    const fake = await start(withStatus(status));
    const sent = fake.of('thread.observed');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ account: 'me@example.com', ...EN_IDS });
    expect(sent[0]!.messages.map((m) => [m.from.email, m.id, m.at])).toEqual([
      ['me@example.com', 'msg-f:1581064946762017791', 1507821032297],
      ['alice@example.com', 'msg-f:1581065259584490785', 1507821330627],
      ['bob@example.com', 'msg-f:1581074211357330005', 1507829867703],
    ]);
    // The page's first scan found the messages too: that look (after the settle time) repeats the same set, so nothing is sent.
    await new Promise((r) => setTimeout(r, 600));
    expect(fake.of('thread.observed')).toHaveLength(1);
    expect(fake.invalid).toEqual([]);
  });

  it.each<[string, Handlers | undefined]>([
    ['no reminder', undefined],
    ['a replied reminder', withStatus('replied')],
    ['a done reminder', withStatus('done')],
  ])('%s: nothing is sent', async (_, handlers) => {
    const fake = await start(handlers);
    addMessage(1);
    await new Promise((r) => setTimeout(r, 600));
    expect(fake.of('thread.observed')).toEqual([]);
  });

  it('new messages: one look after they settle, with every message', async () => {
    const fake = await start(withStatus('pending'));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    addMessage(1);
    await vi.advanceTimersByTimeAsync(300);
    addMessage(2);
    await vi.advanceTimersByTimeAsync(499);
    expect(fake.of('thread.observed')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    vi.useRealTimers();
    await settle();
    const sent = fake.of('thread.observed');
    expect(sent).toHaveLength(2);
    expect(sent[1]!.messages.map((m) => m.id).slice(3)).toEqual(['msg-f:1581080000000000001', 'msg-f:1581080000000000002']);
    expect(fake.invalid).toEqual([]);
  });

  it('a new message whose sender cannot be read: nothing sent (the print view decides)', async () => {
    const fake = await start(withStatus('pending'));
    addMessage(1, null);
    await new Promise((r) => setTimeout(r, 600));
    expect(fake.of('thread.observed')).toHaveLength(1);
  });

  it('a reply the background finds shows at once as replied', async () => {
    let reminder = fakeReminder({ id: 'rem-7', status: 'pending' });
    const fake = await start({
      'reminder.getByThread': () => ({ reminder }),
      'thread.observed': (p) => {
        if (p.messages.length < 4) return { resolved: [] };
        reminder = fakeReminder({ id: 'rem-7', status: 'replied', ...repliedByAlice() });
        return { resolved: [reminder] };
      },
    });
    expect(buttonText(toolbar())).toMatch(/^threadButton\[/);
    addMessage(1);
    await new Promise((r) => setTimeout(r, 600));
    await settle();
    expect(fake.of('thread.observed')).toHaveLength(2);
    expect(fake.of('reminder.getByThread')).toHaveLength(2);
    expect(buttonText(toolbar())).toBe(`threadReplied[Alice Example · ${formatDue(REPLY_AT, NOW, 'UTC', 'en-GB')}]`);
  });

  it('a failed observation is swallowed: the control stays as it was', async () => {
    const fake = await start({
      ...withStatus('pending'),
      'thread.observed': () => {
        throw new Error('worker restarting');
      },
    });
    expect(buttonText(toolbar())).toMatch(/^threadButton\[/);
    expect(fake.warnings).toContain('thread observation failed');
  });
});

describe('a replied reminder in the thread toolbar', () => {
  it('shows who replied and when; "not a real reply" asks the background and shows the wait again', async () => {
    let reminder = fakeReminder({ id: 'rem-7', status: 'replied', ...repliedByAlice() });
    const fake = await start({
      'reminder.getByThread': () => ({ reminder }),
      'reminder.notReply': (p) => {
        reminder = fakeReminder({ id: p.id, status: 'pending' });
        return { reminder };
      },
    });
    expect(buttonText(toolbar())).toBe(`threadReplied[Alice Example · ${formatDue(REPLY_AT, NOW, 'UTC', 'en-GB')}]`);
    const shadow = await openMenu();
    [...shadow.querySelectorAll<HTMLButtonElement>('button.item')].find((b) => b.textContent === 'threadNotReply')!.click();
    await settle();
    expect(fake.of('reminder.notReply')).toEqual([{ id: 'rem-7' }]);
    expect(buttonText(toolbar())).toMatch(/^threadButton\[/);
    expect(fake.invalid).toEqual([]);
  });

  it('a reply known only by address shows the address', async () => {
    await start(withStatus('replied', { resolution: { kind: 'reply', by: { email: 'alice@example.com' } } }));
    expect(buttonText(toolbar())).toBe('threadReplied[alice@example.com]');
  });
});

describe('account.seen', () => {
  it('once per account and page key per tab; the key only when the page gave one', async () => {
    const fake = await start();
    deliverAccount('Me@Example.com', '4b7e2c1a9f');
    deliverAccount('me@example.com', '4b7e2c1a9f');
    deliverAccount('me@example.com');
    deliverAccount('me@example.com');
    deliverAccount('me@example.com', '0123456789');
    await settle();
    expect(fake.of('account.seen')).toEqual([
      { account: 'me@example.com', ik: '4b7e2c1a9f' },
      { account: 'me@example.com' },
      { account: 'me@example.com', ik: '0123456789' },
    ]);
    expect(fake.invalid).toEqual([]);
  });

  it('a page posting ever new pairs gets only a few through', async () => {
    const fake = await start();
    for (let i = 0; i < 50; i++) deliverAccount('me@example.com', `${(0x100000 + i).toString(16)}`);
    await settle();
    expect(fake.of('account.seen')).toHaveLength(8);
  });

  it('a malformed key: the page info is dropped, nothing is reported', async () => {
    const fake = await start();
    deliverAccount('me@example.com', '4B7E2C1A9F');
    await settle();
    expect(fake.of('account.seen')).toEqual([]);
  });

  it('a refused report is swallowed', async () => {
    const fake = await start({
      'account.seen': () => {
        throw new Error('db closed');
      },
    });
    expect(() => deliverAccount('me@example.com', '4b7e2c1a9f')).not.toThrow();
    await settle();
    expect(fake.warnings).toContain('account report failed');
    expect(fake.of('reminder.getByThread')).toHaveLength(1);
  });
});
