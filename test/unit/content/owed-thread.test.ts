// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { byId, fixtureText, load } from '../gmail-dom/dom';
import { openInThreadReply, replyControl } from '../../../src/content/gmail/reply';
import { visibleThread } from '../../../src/content/gmail/thread-view';
import { buttonText, fakeReminder, onlyShadow, plain, settle, type Fake, type Handlers } from './harness';
import { threadIntegration } from './thread-integration';

/** The fake Gmail's listeners of one test (the document outlives each test's markup). */
let gmail = new AbortController();
afterEach(() => {
  gmail.abort();
  gmail = new AbortController();
});
// Registered after the hook above, so (hooks run as a stack) the integration stops before the fake Gmail goes.
const integration = threadIntegration();
const stop = integration.stop;

/** The inline reply Gmail shows when Reply is clicked: the real one from thread-view-en.html. */
function inlineReplyMarkup(): string {
  const doc = new DOMParser().parseFromString(fixtureText('thread-view-en.html'), 'text/html');
  return doc.querySelector('.ip.adB')!.outerHTML;
}

/** Behaves like Gmail: a click on a Reply control opens the inline reply under the newest message. */
function gmailOpensReplyOnClick(clicks: string[]) {
  const markup = inlineReplyMarkup();
  document.addEventListener('click', (e) => {
    const el = e.target as Element;
    if (!el.closest('.aaq, .amn [role=link]')) return;
    clicks.push(el.id);
    const last = [...document.querySelectorAll('div.adn')].at(-1)!;
    last.querySelector('.gs')!.insertAdjacentHTML('beforeend', markup);
  }, { signal: gmail.signal });
}

describe('opening the in-thread reply', () => {
  it("clicks the newest message's own Reply button and focuses the reply's editor", async () => {
    load('thread-view-received-en.html');
    const clicks: string[] = [];
    gmailOpensReplyOnClick(clicks);
    const thread = visibleThread(document)!;
    expect(replyControl(document, thread)?.id).toBe(':reply3');
    const editor = await openInThreadReply(document, thread, { timeoutMs: 1_000 });
    expect(clicks).toEqual([':reply3']);
    expect(editor?.getAttribute('role')).toBe('textbox');
    expect(document.activeElement).toBe(editor);
    // Already open: found, not opened twice.
    expect(await openInThreadReply(document, thread, { timeoutMs: 100 })).toBe(editor);
    expect(clicks).toHaveLength(1);
  });

  it('falls back to the Reply of the bar below the thread; nothing to click means nothing happens', async () => {
    load('thread-view-received-en.html');
    const clicks: string[] = [];
    gmailOpensReplyOnClick(clicks);
    byId(document, ':reply3').remove();
    const thread = visibleThread(document)!;
    expect(replyControl(document, thread)?.id).toBe(':reply-bar');
    document.querySelector('.amn')!.remove();
    expect(replyControl(document, thread)).toBeUndefined();
    expect(await openInThreadReply(document, thread, { timeoutMs: 50 })).toBeUndefined();
    expect(clicks).toEqual([]);
  });

  it('waits for the Reply control when the messages show after the heading', async () => {
    load('thread-view-received-en.html');
    const clicks: string[] = [];
    gmailOpensReplyOnClick(clicks);
    const button = byId(document, ':reply3');
    const cell = button.parentElement!;
    button.remove();
    document.querySelector('.amn')!.remove();
    const thread = visibleThread(document)!;
    const opening = openInThreadReply(document, thread, { timeoutMs: 2_000 });
    setTimeout(() => cell.prepend(button), 50);
    expect((await opening)?.getAttribute('role')).toBe('textbox');
    expect(clicks).toEqual([':reply3']);
  });

  it('gives up when Gmail shows no reply in time', async () => {
    load('thread-view-received-en.html');
    const thread = visibleThread(document)!;
    expect(await openInThreadReply(document, thread, { timeoutMs: 50 })).toBeUndefined();
  });
});

const start = (handlers?: Handlers, prepare?: () => void): Promise<Fake> => integration.start('thread-view-received-en.html', handlers, prepare);

const toolbar = () => byId(document, ':thread-mtb');
const menuText = async () => {
  const shadow = onlyShadow(toolbar());
  shadow.querySelector<HTMLButtonElement>('button.btn')!.click();
  await settle();
  return plain(shadow.querySelector('.menu')?.textContent);
};

describe('the thread control on a received thread', () => {
  it('offers "remind me to reply", naming who wrote', async () => {
    await start();
    expect(buttonText(toolbar())).toBe('owedButton');
    expect(await menuText()).toContain('owedOffer[Bob Builder]');
  });

  it('an active owed reply says what it is, what ends it, and that they wrote again', async () => {
    const reminder = fakeReminder({
      id: 'owed-7',
      kind: 'owed-reply',
      thread: { provider: 'gmail', threadId: '15f1123136926bff', subject: 'Quarterly numbers', recipients: [{ email: 'bob@example.com', name: 'Bob Builder' }] },
      check: { at: 1, source: 'print-view', outcome: 'no-reply', failures: 0, wroteAgain: { by: { email: 'alice@example.com', name: 'Alice Example' }, at: Date.UTC(2025, 5, 11, 9) } },
    });
    await start({ 'reminder.getByThread': () => ({ reminder }) });
    expect(buttonText(toolbar())).toMatch(/^owedThreadButton\[/);
    const text = await menuText();
    expect(text).toContain('owedExplain[Bob Builder]');
    expect(text).toMatch(/owedWroteAgain\[Alice Example\|.+\]/);
  });

  it('an answered owed reply reads "Answered"; an active follow-up explains that it waits for their reply', async () => {
    const answered = fakeReminder({ id: 'o', kind: 'owed-reply', status: 'replied', resolution: { kind: 'answered', at: Date.UTC(2025, 5, 10, 10), source: 'compose' } });
    await start({ 'reminder.getByThread': () => ({ reminder: answered }) });
    expect(buttonText(toolbar())).toMatch(/^threadAnswered\[/);
    expect(await menuText()).toContain('threadNotAnswer');
    stop?.();
    await start({ 'reminder.getByThread': () => ({ reminder: fakeReminder({ id: 'w', kind: 'no-reply' }) }) });
    expect(buttonText(toolbar())).toMatch(/^threadButton\[/);
    expect(await menuText()).toContain('noReplyExplain');
  });

  it('"Reply now" brought the user here: the reply opens by itself', async () => {
    const clicks: string[] = [];
    const fake = await start({ 'reminder.getByThread': () => ({ reminder: null, openReply: true }) }, () => gmailOpensReplyOnClick(clicks));
    await settle();
    expect(fake.of('reminder.getByThread')).toHaveLength(1);
    expect(clicks).toEqual([':reply3']);
    expect(document.activeElement).toBe(document.querySelector('.ip.adB [role=textbox]'));
  });

  it('a tab brought to the front asks again: "Reply now" that focused a tab already showing the thread opens the reply', async () => {
    const clicks: string[] = [];
    let intent = false;
    const fake = await start({ 'reminder.getByThread': () => ({ reminder: null, ...(intent ? { openReply: true as const } : {}) }) }, () => gmailOpensReplyOnClick(clicks));
    expect(clicks).toEqual([]);
    intent = true;
    document.dispatchEvent(new Event('visibilitychange'));
    await settle();
    await settle();
    expect(fake.of('reminder.getByThread')).toHaveLength(2);
    expect(clicks).toEqual([':reply3']);
  });

  it('without the intent nothing is opened', async () => {
    const clicks: string[] = [];
    await start({ 'reminder.getByThread': () => ({ reminder: null }) }, () => gmailOpensReplyOnClick(clicks));
    await settle();
    expect(clicks).toEqual([]);
    expect(document.querySelector('.ip.adB')).toBeNull();
  });
});
