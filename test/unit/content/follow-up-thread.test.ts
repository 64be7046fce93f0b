// @vitest-environment happy-dom
/**
 * "Write follow-up" in the Gmail tab (thread-view-received-en.html, whose Reply opens the real inline reply of
 * thread-view-en.html): the reply opens (Reply all when asked and shown), the nudge is in its editor, the compose is
 * armed with the next follow-up, and nothing is sent.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { byId, fixtureText, load } from '../gmail-dom/dom';
import { startGmailIntegration } from '../../../src/content/controller/page';
import type { FollowUpDraft } from '../../../src/core/follow-up';
import { expectToast, fakeDeps, fakeReminder, NOW, onlyShadow, plain, setPageUrl, settle, toastText, type Fake, type Handlers } from './harness';

let stop: (() => void) | undefined;
let gmail = new AbortController();
beforeEach(() => setPageUrl('https://mail.google.com/mail/u/0/#inbox/15f1123136926bff'));
afterEach(() => {
  stop?.();
  stop = undefined;
  gmail.abort();
  gmail = new AbortController();
});

const DAY = 86_400_000;
const NEXT = NOW + 7 * DAY;
const TEXT = 'Hi Alice,\n\njust following up on "Quarterly numbers".\n\nBest, Me Myself';

const draft = (over: Partial<FollowUpDraft> = {}): FollowUpDraft => ({
  reminderId: 'rem-1',
  text: TEXT,
  replyAll: true,
  arm: { kind: 'chain', dueAt: NEXT, n: 2, of: 3, final: false },
  ...over,
});

/** Behaves like Gmail: a Reply control opens the real inline reply under the newest message; records which. */
function gmailOpensReplyOnClick(clicks: string[]) {
  const markup = new DOMParser().parseFromString(fixtureText('thread-view-en.html'), 'text/html').querySelector('.ip.adB')!.outerHTML;
  document.addEventListener(
    'click',
    (e) => {
      const el = (e.target as Element).closest('.aaq, .amn [role=link]');
      if (!el) return;
      clicks.push(el.id || el.className);
      [...document.querySelectorAll('div.adn')].at(-1)!.querySelector('.gs')!.insertAdjacentHTML('beforeend', markup);
    },
    { signal: gmail.signal },
  );
}

/** The background's answer to reminder.followUpDraft (what the tab asks once it took a follow-up intent). */
const drafting = (d: FollowUpDraft): Handlers => ({ 'reminder.followUpDraft': (p) => ({ reminder: fakeReminder({ id: p.id, status: 'notified' }), draft: d }) });
const INTENT = { reminder: null, openReply: true as const, followUp: { reminderId: 'rem-1' } };

async function start(handlers: Handlers, prepare?: () => void): Promise<{ fake: Fake; clicks: string[] }> {
  load('thread-view-received-en.html');
  const clicks: string[] = [];
  gmailOpensReplyOnClick(clicks);
  prepare?.();
  const fake = fakeDeps({ handlers: { ...drafting(draft()), ...handlers } });
  stop = startGmailIntegration(fake.deps);
  await settle();
  await settle();
  return { fake, clicks };
}

const editor = () => document.querySelector<HTMLElement>('.ip.adB [role=textbox]');
const inlineControl = () => onlyShadow(document.querySelector('.ip.adB')!);
const toolbarShadow = () => onlyShadow(byId(document, ':thread-mtb'));

describe('a follow-up intent (the notification or the popup brought the user here)', () => {
  it('opens Reply all, writes the nudge into the editor, arms the compose with the next follow-up, and sends nothing', async () => {
    const { fake, clicks } = await start({ 'reminder.getByThread': () => ({ ...INTENT, reminder: fakeReminder({ status: 'notified' }) }) });
    await settle();
    expect(clicks).toEqual(['ams bkI']);
    expect(editor()!.textContent).toBe('Hi Alice,just following up on "Quarterly numbers".Best, Me Myself');
    expect(document.activeElement).toBe(editor());
    const button = inlineControl().querySelector('button.btn')!;
    expect(plain(button.textContent)).toMatch(/^followUpArmedButton\[2\|3\|.+\]$/);
    (button as HTMLButtonElement).click();
    await settle();
    expect(plain(inlineControl().querySelector('.menu')?.textContent)).toMatch(/followUpArmedExplain\[2\|3\|/);
    await expectToast('toastFollowUpWritten');
    // It asked with the user's name as the thread shows it, and never sent or stored anything.
    expect(fake.of('reminder.followUpDraft')).toEqual([{ id: 'rem-1', myName: 'Me Myself' }]);
    expect(fake.of('reminder.create')).toEqual([]);
    expect(fake.invalid).toEqual([]);
  });

  it('plain Reply when the draft says so, and when Gmail shows no Reply all (one recipient)', async () => {
    const one = await start({ 'reminder.getByThread': () => INTENT, ...drafting(draft({ replyAll: false })) });
    await settle();
    expect(one.clicks).toEqual([':reply3']);
    stop?.();
    gmail.abort();
    gmail = new AbortController();
    const two = await start({ 'reminder.getByThread': () => INTENT }, () => document.querySelector('.amn .bkI')!.remove());
    await settle();
    expect(two.clicks).toEqual([':reply3']);
  });

  it('the last planned follow-up says so; one beyond the plan is still watched, without a number', async () => {
    await start({ 'reminder.getByThread': () => INTENT, ...drafting(draft({ arm: { kind: 'chain', dueAt: NEXT, n: 3, of: 3, final: true } })) });
    await settle();
    let button = inlineControl().querySelector<HTMLButtonElement>('button.btn')!;
    expect(plain(button.textContent)).toMatch(/^followUpArmedButton\[3\|3\|/);
    button.click();
    await settle();
    expect(plain(inlineControl().querySelector('.menu')?.textContent)).toMatch(/followUpFinalExplain\[3\|3\|/);
    stop?.();
    gmail.abort();
    gmail = new AbortController();
    await start({ 'reminder.getByThread': () => INTENT, ...drafting(draft({ arm: { kind: 'chain', dueAt: NEXT, n: 4, of: 3, final: true } })) });
    await settle();
    button = inlineControl().querySelector<HTMLButtonElement>('button.btn')!;
    expect(plain(button.textContent)).toMatch(/^armedButton\[/);
    button.click();
    await settle();
    expect(plain(inlineControl().querySelector('.menu')?.textContent)).toMatch(/followUpDefaultExplain\[/);
  });

  it('without a further chain step: armed with the default delay, and the control says what will happen', async () => {
    await start({ 'reminder.getByThread': () => INTENT, ...drafting(draft({ arm: { kind: 'default', preset: 'in-1-week' } })) });
    await settle();
    const button = inlineControl().querySelector<HTMLButtonElement>('button.btn')!;
    expect(plain(button.textContent)).toBe('armedButton[P:in-1-week]');
    button.click();
    await settle();
    expect(plain(inlineControl().querySelector('.menu')?.textContent)).toContain('followUpDefaultExplain[P:in-1-week]');
  });

  it('keeps what the user already wrote in an open reply, and says so when Gmail shows no reply at all', async () => {
    const { clicks } = await start({ 'reminder.getByThread': () => ({ reminder: null }) });
    // The user opened the reply and typed; then the intent arrives (the tab was brought to the front).
    (document.querySelector('.amn .bkH') as HTMLElement).click();
    editor()!.textContent = 'Draft of mine.';
    stop?.();
    const fake = fakeDeps({ handlers: { 'reminder.getByThread': () => INTENT, ...drafting(draft({ text: 'Any news?' })) } });
    stop = startGmailIntegration(fake.deps);
    await settle();
    await settle();
    expect(clicks).toEqual([':reply-bar']);
    expect(editor()!.textContent).toBe('Any news?Draft of mine.');

    stop?.();
    load('thread-view-received-en.html');
    byId(document, ':reply3').remove();
    document.querySelector('.amn')!.remove();
    stop = startGmailIntegration(fakeDeps({ handlers: { 'reminder.getByThread': () => INTENT, ...drafting(draft()) } }).deps);
    // Gmail gets its usual 5 s to show a Reply control first.
    await vi.waitFor(() => expect(toastText()).toBe('toastFollowUpNoReply'), { timeout: 8_000 });
  }, 15_000);
});

describe('the thread control of a due reminder', () => {
  it('offers "Write follow-up" first; it asks for the draft and writes it right here', async () => {
    const due = fakeReminder({ status: 'notified', dueAt: NOW - DAY });
    const { fake, clicks } = await start({
      'reminder.getByThread': () => ({ reminder: due }),
      'reminder.followUpDraft': () => ({ reminder: due, draft: draft({ replyAll: false }) }),
    });
    toolbarShadow().querySelector<HTMLButtonElement>('button.btn')!.click();
    await settle();
    const items = [...toolbarShadow().querySelectorAll<HTMLButtonElement>('.menu button.item')];
    expect(items.map((b) => b.textContent)).toEqual(['actionWriteFollowUp', 'threadChange', 'threadSnooze', 'removeReminder', 'actionRepeat']);
    items[0]!.click();
    await settle();
    await settle();
    expect(fake.of('reminder.followUpDraft')).toEqual([{ id: 'rem-1', myName: 'Me Myself' }]);
    expect(clicks).toEqual([':reply3']);
    expect(editor()!.textContent).toContain('just following up');
    expect(plain(inlineControl().querySelector('button.btn')!.textContent)).toMatch(/^followUpArmedButton\[2\|3\|/);
  });

  it('not offered before the reminder is due, nor for an owed reply', async () => {
    await start({ 'reminder.getByThread': () => ({ reminder: fakeReminder({ status: 'pending', dueAt: NOW + DAY }) }) });
    toolbarShadow().querySelector<HTMLButtonElement>('button.btn')!.click();
    await settle();
    expect(toolbarShadow().querySelector('.menu')!.textContent).not.toContain('actionWriteFollowUp');
    stop?.();
    await start({ 'reminder.getByThread': () => ({ reminder: fakeReminder({ kind: 'owed-reply', status: 'notified', dueAt: NOW - DAY }) }) });
    toolbarShadow().querySelector<HTMLButtonElement>('button.btn')!.click();
    await settle();
    expect(toolbarShadow().querySelector('.menu')!.textContent).not.toContain('actionWriteFollowUp');
  });

  it('a refused draft (answered meanwhile) is said, and nothing opens', async () => {
    const due = fakeReminder({ status: 'notified', dueAt: NOW - DAY });
    const { clicks } = await start({
      'reminder.getByThread': () => ({ reminder: due }),
      'reminder.followUpDraft': () => {
        throw new Error('This reminder has ended');
      },
    });
    toolbarShadow().querySelector<HTMLButtonElement>('button.btn')!.click();
    await settle();
    toolbarShadow().querySelector<HTMLButtonElement>('.menu button.item')!.click();
    await expectToast('toastFollowUpFailed[This reminder has ended]');
    expect(clicks).toEqual([]);
    expect(editor()).toBeNull();
  });
});
