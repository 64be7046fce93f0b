// @vitest-environment happy-dom
/**
 * How often a thread open parses the thread's messages: once per load (the
 * offer and the observation share that read), and the observation still
 * follows the settled view.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as threadView from '../../../src/content/gmail/thread-view';
import { byId, fixtureText } from '../gmail-dom/dom';
import { buttonText, fakeReminder, NOW, onlyShadow, settle, type Handlers } from './harness';
import { threadIntegration } from './thread-integration';

vi.mock('../../../src/content/gmail/thread-view', async (original) => {
  const real = await original<typeof import('../../../src/content/gmail/thread-view')>();
  return { ...real, threadMessages: vi.fn(real.threadMessages) };
});

const reads = vi.mocked(threadView.threadMessages);
const { start } = threadIntegration();
const toolbar = () => byId(document, ':thread-mtb');
const pending = { 'reminder.getByThread': () => ({ reminder: fakeReminder({ id: 'rem-7', status: 'pending' }) }) } satisfies Handlers;

let gmail = new AbortController();
afterEach(() => {
  reads.mockClear();
  gmail.abort();
  gmail = new AbortController();
});

describe('a thread open reads its messages once', () => {
  it('a waiting reminder: one read serves the offer and the observation, which comes after the lookup', async () => {
    reads.mockClear();
    const fake = await start('thread-view-en.html', pending);
    expect(reads).toHaveBeenCalledTimes(1);
    const [observed] = fake.of('thread.observed');
    // The observation carries exactly what that one read returned.
    expect(observed!.messages.map((m) => m.from.email)).toEqual(reads.mock.results[0]!.value.map((m: threadView.ThreadMessage) => m.from?.email));
    const order = fake.calls.map((c) => c.type).filter((t) => t === 'reminder.getByThread' || t === 'thread.observed');
    expect(order).toEqual(['reminder.getByThread', 'thread.observed']);
    expect(buttonText(toolbar())).toMatch(/^threadButton\[/);
  });

  it('no reminder: one read (the offer), nothing observed', async () => {
    reads.mockClear();
    const fake = await start('thread-view-en.html');
    expect(reads).toHaveBeenCalledTimes(1);
    expect(fake.of('thread.observed')).toEqual([]);
    // Bob wrote last: the offer read from it is "remind me to reply".
    expect(buttonText(toolbar())).toBe('owedButton');
  });

  it('a reply found by that observation reloads once: one more read, the control shows the reply', async () => {
    let reminder = fakeReminder({ id: 'rem-7', status: 'pending' });
    reads.mockClear();
    const fake = await start('thread-view-en.html', {
      'reminder.getByThread': () => ({ reminder }),
      'thread.observed': () => {
        reminder = fakeReminder({ id: 'rem-7', status: 'replied', resolution: { kind: 'reply', by: { email: 'bob@example.com', name: 'Bob' }, at: reminder.dueAt, source: 'gmail-tab' } });
        return { resolved: [reminder] };
      },
    });
    await vi.waitFor(() => expect(buttonText(toolbar())).toMatch(/^threadReplied\[Bob/));
    expect(fake.of('reminder.getByThread')).toHaveLength(2);
    // The reload reads again (the thread may have changed), and does not observe a replied reminder.
    expect(reads).toHaveBeenCalledTimes(2);
    expect(fake.of('thread.observed')).toHaveLength(1);
  });
});

describe('acting in the thread reads it once per act', () => {
  it('creating a reminder from the control: one read decides offer, anchor and recipients, one more for the reload', async () => {
    // The user wrote last: a "no reply" reminder, whose identity lists the recipients of that message.
    const fake = await start('thread-view-en.html', undefined, () => [...document.querySelectorAll('[role=listitem]')].slice(1).forEach((el) => el.remove()));
    const shadow = onlyShadow(toolbar());
    shadow.querySelector<HTMLButtonElement>('button.btn')!.click();
    await settle();
    reads.mockClear();
    shadow.querySelectorAll<HTMLButtonElement>('[role=group] button.item')[0]!.click();
    await vi.waitFor(() => expect(fake.of('reminder.create')).toHaveLength(1));
    await settle();
    expect(fake.of('reminder.create')[0]).toMatchObject({ thread: { recipients: [{ email: 'alice@example.com' }, { email: 'bob@example.com' }] } });
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it("a follow-up intent on open: the load's read also names the user for the nudge", async () => {
    // Gmail opens its inline reply on a click on Reply / Reply all.
    const markup = new DOMParser().parseFromString(fixtureText('thread-view-en.html'), 'text/html').querySelector('.ip.adB')!.outerHTML;
    document.addEventListener('click', (e) => {
      if (!(e.target as Element).closest('.aaq, .amn [role=link]')) return;
      [...document.querySelectorAll('div.adn')].at(-1)!.querySelector('.gs')!.insertAdjacentHTML('beforeend', markup);
    }, { signal: gmail.signal });
    reads.mockClear();
    const fake = await start('thread-view-received-en.html', {
      'reminder.getByThread': () => ({ reminder: null, followUp: { reminderId: 'rem-1' } }),
      'reminder.followUpDraft': (p) => ({
        reminder: fakeReminder({ id: p.id, status: 'notified' }),
        draft: { reminderId: 'rem-1', text: 'Hi Alice, following up.', replyAll: false, arm: { kind: 'chain', dueAt: NOW + 86_400_000, n: 1, of: 3, final: false } },
      }),
    });
    await vi.waitFor(() => expect(fake.of('reminder.followUpDraft')).toEqual([{ id: 'rem-1', myName: 'Me Myself' }]));
    expect(reads).toHaveBeenCalledTimes(1);
  });
});
