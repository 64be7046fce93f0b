// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { byId, fixtureText, load } from '../gmail-dom/dom';
import { createAccountSource } from '../../../src/content/controller/account';
import { createComposeController } from '../../../src/content/controller/compose-controller';
import { createHealth } from '../../../src/content/controller/health';
import { startGmailIntegration } from '../../../src/content/controller/page';
import { createSendTracker } from '../../../src/content/controller/send-tracker';
import { PRESET_IDS, type PresetId } from '../../../src/core/schedule/presets';
import type { Settings } from '../../../src/core/settings';
import type { DuePreview } from '../../../src/core/protocol/messages';
import type { RequestOf } from '../../../src/core/protocol/schemas';
import { scheduledCvOnSend } from '../../fixtures/gmail/sync-scheduled';
import {
  buttonText,
  controls,
  deliverAccount,
  deliverSend,
  deliverSendBodies,
  expectToast,
  fakeReminder,
  syncSample,
  fakeDeps,
  NOW,
  onlyShadow,
  setPageUrl,
  settle,
  toastText,
  type Fake,
} from './harness';

/** "Fri 13 Jun, 09:00": DUE_AT as formatDue shows it in UTC for en-GB. */
const DUE_LABEL = 'Fri 13 Jun, 09:00';
/** The client message id of the cvOnSend sample, planted in the compose so the two belong together. */
const CV_ON_SEND_MSG = 'msg-a:r8190137112111191537';

let stop: (() => void) | undefined;

beforeEach(() => setPageUrl());
afterEach(() => {
  stop?.();
  stop = undefined;
  vi.useRealTimers();
});

async function start(fixture: string, opts: { settings?: Partial<Settings>; edit?: (html: string) => string } = {}): Promise<Fake> {
  load(fixture, { edit: opts.edit });
  const fake = fakeDeps({ settings: opts.settings });
  stop = startGmailIntegration(fake.deps);
  await settle();
  return fake;
}

/** The compose of a fixture with the cvOnSend sample's client message id in its hidden `draft` input. */
const asCvOnSend = (html: string) => html.replace('value="#msg-a:r-7673660351152959857"', `value="#${CV_ON_SEND_MSG}"`);

function sendCellOf(doc: Document): Element {
  return byId(doc, ':79').closest('td')!;
}

/** Opens the control's menu and picks a preset, as a user does. */
async function armThroughUi(preset: PresetId, scope: ParentNode = document): Promise<void> {
  const shadow = onlyShadow(scope);
  shadow.querySelector<HTMLButtonElement>('button.btn')!.click();
  await settle();
  const items = [...shadow.querySelectorAll<HTMLButtonElement>('[role=group] button.item')];
  expect(items).toHaveLength(PRESET_IDS.length);
  items[PRESET_IDS.indexOf(preset)]!.click();
  await settle();
}

async function disarmThroughUi(scope: ParentNode = document): Promise<void> {
  const shadow = onlyShadow(scope);
  shadow.querySelector<HTMLButtonElement>('button.btn')!.click();
  await settle();
  const remove = [...shadow.querySelectorAll<HTMLButtonElement>('button.item')].find((b) => b.textContent === 'removeReminder');
  expect(remove).toBeDefined();
  remove!.click();
  await settle();
}

function clickSend(doc: Document = document): void {
  byId(doc, ':79').dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
}

describe('injection beside Send', () => {
  it.each([
    ['compose-dialog.html', 'gU Up'],
    ['compose-new-de.html', 'gU Up'],
    ['compose-fullscreen.html', 'gU Up'],
    ['compose-2026-hashed.html', 'gU-ql-aQ9xJd-aOr Up-ql-Zw4cFk-aOr'],
  ])('%s: one control in a cell right after the send cell', async (fixture, sendCellClass) => {
    const fake = await start(fixture);
    const cell = sendCellOf(document);
    expect(cell.className).toBe(sendCellClass);
    const ours = cell.nextElementSibling!;
    expect(ours.tagName).toBe('TD');
    expect(ours.getAttribute('data-follow-through')).toBe('compose');
    expect(controls()).toHaveLength(1);
    expect(ours.contains(controls()[0]!)).toBe(true);
    expect(buttonText()).toBe('remindButton');
    expect(fake.of('settings.get').length).toBeGreaterThan(0);
    expect(fake.of('reminder.create')).toEqual([]);
    expect(fake.invalid).toEqual([]);
  });

  it('repeated attach calls for any part of the compose leave exactly one control', async () => {
    load('compose-dialog.html');
    const fake = fakeDeps();
    const health = createHealth(fake.deps.request, () => undefined);
    const composes = createComposeController(fake.deps, createSendTracker(), createAccountSource(document), health);
    const root = document.querySelector('div.M9')!;
    for (const el of [root, byId(document, ':79'), sendCellOf(document), sendCellOf(document).parentElement!, byId(document, ':7j'), root]) {
      composes.attach(el);
    }
    await settle();
    composes.attach(root);
    await settle();
    expect(controls()).toHaveLength(1);
    expect(document.querySelectorAll('[data-follow-through]')).toHaveLength(1);
  });

  it.each([
    ['re-rendered without our cell', true],
    ['copied with our (dead) cell', false],
  ])('send row replaced (%s): one live control in the new row, still armed', async (_, dropOurs) => {
    await start('compose-dialog.html');
    await armThroughUi('in-1-week');
    expect(buttonText()).toBe('armedButton[P:in-1-week]');

    const row = sendCellOf(document).parentElement!;
    const clone = row.cloneNode(true) as Element;
    if (dropOurs) clone.querySelector('[data-follow-through]')!.remove();
    row.replaceWith(clone);
    await settle();

    expect(controls()).toHaveLength(1);
    expect(document.querySelectorAll('[data-follow-through]')).toHaveLength(1);
    const newCell = sendCellOf(document);
    expect(newCell.parentElement).toBe(clone);
    expect(newCell.nextElementSibling?.getAttribute('data-follow-through')).toBe('compose');
    expect(buttonText()).toBe('armedButton[P:in-1-week]');
  });
});

describe('send capture', () => {
  it('snapshot on a Send click of an armed compose: subject, chips plus typed addresses, client ids', async () => {
    load('compose-new-de.html');
    const fake = fakeDeps();
    const tracker = createSendTracker();
    const expect_ = vi.spyOn(tracker, 'expect');
    const composes = createComposeController(fake.deps, tracker, createAccountSource(document), createHealth(fake.deps.request, () => undefined));
    composes.attach(document.querySelector('div.M9')!);
    await settle();
    await armThroughUi('tomorrow');
    clickSend();
    expect(expect_).toHaveBeenCalledTimes(1);
    expect(expect_.mock.calls[0]![0]).toEqual({
      subject: 'Angebot für März',
      recipients: [
        { email: 'anna.mueller@example.de', name: 'Anna Müller' },
        { email: 'bob+projekt@example.com' },
        { email: 'carla@beispiel.de' },
        // Also typed into Cc: the thread identity dedupes.
        { email: 'anna.mueller@example.de' },
      ],
      clientMessageId: 'msg-a:r-1234567890123456789',
      clientThreadId: 'thread-a:r-987654321098765432',
      composeId: '2',
    });
  });

  it('Send click + the real cvOnSend response: reminder.create with the ids, subject and recipients Gmail reported', async () => {
    const fake = await start('compose-dialog.html', { edit: asCvOnSend });
    deliverAccount('Test@Gmail.com');
    await armThroughUi('in-1-week');
    clickSend();
    await settle();
    expect(fake.of('reminder.create')).toEqual([]); // not before Gmail answered
    deliverSend('cvOnSend');
    await settle();
    expect(fake.of('reminder.create')).toEqual([
      {
        id: 'id-1',
        account: 'test@gmail.com',
        thread: {
          provider: 'gmail',
          threadId: '183234ce86ffa010',
          permThreadId: 'thread-f:1743514067378610192',
          messageId: '<CAFsK+UQf12W_Efo3+hwj+BWb+sk8DaGQkrOoBOU38nHafAHJ4Q@mail.gmail.com>',
          subject: 'subject_111',
          recipients: [{ email: 'test+1@gmail.com', name: 'Test Test' }],
        },
        sentAt: 1662744701149,
        pressedAt: fake.clock.now,
        due: { preset: 'in-1-week' },
      },
    ]);
    await expectToast(`toastSet[${DUE_LABEL}]`);
    expect(fake.invalid).toEqual([]);
  });

  it('Ctrl+Enter in the body sends too, once even when a click follows at once', async () => {
    const fake = await start('compose-dialog.html', { edit: asCvOnSend });
    deliverAccount('test@gmail.com');
    await armThroughUi('tomorrow');
    const body = document.querySelector('div.M9 [role=textbox]') ?? document.querySelector('div.M9 [contenteditable]');
    expect(body).not.toBeNull();
    body!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true }));
    clickSend();
    deliverSend('cvOnSend');
    await settle();
    expect(fake.of('reminder.create')).toHaveLength(1);
    expect(fake.of('reminder.create')[0]).toMatchObject({ due: { preset: 'tomorrow' }, thread: { threadId: '183234ce86ffa010' } });
  });

  it('Enter alone in the body is typing, not sending', async () => {
    load('compose-dialog.html');
    const fake = fakeDeps();
    const tracker = createSendTracker();
    const composes = createComposeController(fake.deps, tracker, createAccountSource(document), createHealth(fake.deps.request, () => undefined));
    composes.attach(document.querySelector('div.M9')!);
    await settle();
    composes.focused()!.arm({ due: { preset: 'tomorrow' }, label: 'x', at: 1 });
    const body = document.querySelector('div.M9 [contenteditable]')!;
    body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(tracker.outstanding).toBe(0);
    body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', metaKey: true, bubbles: true }));
    expect(tracker.outstanding).toBe(1);
  });

  it('Discard, the more-send arrow and our own control are not a send', async () => {
    load('compose-dialog.html');
    const fake = fakeDeps();
    const tracker = createSendTracker();
    const composes = createComposeController(fake.deps, tracker, createAccountSource(document), createHealth(fake.deps.request, () => undefined));
    composes.attach(document.querySelector('div.M9')!);
    await settle();
    await armThroughUi('tomorrow');
    for (const id of [':5a', ':75']) {
      byId(document, id).dispatchEvent(new MouseEvent('click', { bubbles: true }));
      byId(document, id).dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    }
    byId(document, ':75').querySelector('.G-asx')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    onlyShadow().querySelector<HTMLButtonElement>('button.btn')!.click();
    expect(tracker.outstanding).toBe(0);
    // The Send button's own children count (the click lands on what is under the pointer).
    byId(document, ':79').dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
    expect(tracker.outstanding).toBe(1);
  });

  it('an unarmed compose never stores anything, whatever Gmail reports', async () => {
    const fake = await start('compose-dialog.html', { edit: asCvOnSend });
    deliverAccount('test@gmail.com');
    clickSend();
    deliverSend('cvOnSend');
    await settle();
    expect(fake.of('reminder.create')).toEqual([]);
    expect(toastText()).toBeUndefined();
  });

  it('an unarmed send confirmed by Gmail tells the background which thread the user wrote in (it answers owed replies)', async () => {
    const fake = await start('compose-dialog.html', { edit: asCvOnSend });
    deliverAccount('test@gmail.com');
    clickSend();
    await settle();
    expect(fake.of('thread.sent')).toEqual([]); // not before Gmail answered
    deliverSend('cvOnSend');
    await settle();
    expect(fake.of('thread.sent')).toEqual([
      {
        account: 'test@gmail.com',
        threadId: '183234ce86ffa010',
        permThreadId: 'thread-f:1743514067378610192',
        messageId: '<CAFsK+UQf12W_Efo3+hwj+BWb+sk8DaGQkrOoBOU38nHafAHJ4Q@mail.gmail.com>',
        sentAt: 1662744701149,
      },
    ]);
    expect(fake.invalid).toEqual([]);
  });

  it('an unarmed inline reply Gmail never confirms says nothing, although the thread view knows the thread', async () => {
    const fake = await start('thread-view-en.html');
    vi.useFakeTimers();
    clickSend();
    await vi.advanceTimersByTimeAsync(61_000);
    vi.useRealTimers();
    await settle();
    expect(fake.of('thread.sent')).toEqual([]);
  });

  it('disarmed again before Send: nothing is stored', async () => {
    const fake = await start('compose-dialog.html', { edit: asCvOnSend });
    deliverAccount('test@gmail.com');
    await armThroughUi('tomorrow');
    await disarmThroughUi();
    expect(buttonText()).toBe('remindButton');
    clickSend();
    deliverSend('cvOnSend');
    await settle();
    expect(fake.of('reminder.create')).toEqual([]);
  });

  it('Undo in Gmail\'s sent toast while the send is outstanding: no reminder and no complaint when no response comes', async () => {
    const fake = await start('compose-dialog.html');
    deliverAccount('test@gmail.com');
    await armThroughUi('tomorrow');
    vi.useFakeTimers();
    clickSend();
    // Gmail shows its "Message sent · Undo · View message" toast (from sent-toast.html).
    const page = new DOMParser().parseFromString(fixtureText('sent-toast.html'), 'text/html');
    document.body.append(document.importNode(page.getElementById(':toast')!, true));
    byId(document, 'link_undo').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await vi.advanceTimersByTimeAsync(60_000);
    await vi.advanceTimersByTimeAsync(100);
    expect(fake.of('reminder.create')).toEqual([]);
    expect(toastText()).toBeUndefined();
  });

  it('Undo on an inline reply stores nothing, at once, although the thread view could identify the thread', async () => {
    const fake = await start('thread-view-en.html');
    await armThroughUi('tomorrow', document.querySelector('div.M9')!);
    vi.useFakeTimers();
    clickSend();
    const page = new DOMParser().parseFromString(fixtureText('sent-toast.html'), 'text/html');
    document.body.append(document.importNode(page.getElementById(':toast')!, true));
    byId(document, 'link_undo').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await vi.advanceTimersByTimeAsync(100);
    expect(fake.of('reminder.create')).toEqual([]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.of('reminder.create')).toEqual([]);
    expect(toastText()).toBeUndefined();
  });

  it('a second Send of the same compose supersedes the first: one reminder, from the response', async () => {
    const fake = await start('compose-dialog.html', { edit: asCvOnSend });
    deliverAccount('test@gmail.com');
    await armThroughUi('tomorrow');
    vi.useFakeTimers();
    clickSend();
    // Gmail refused the first (say, a recipient was missing); the user fixes it and sends again.
    await vi.advanceTimersByTimeAsync(3_000);
    fake.clock.now += 3_000;
    clickSend();
    deliverSend('cvOnSend');
    await vi.advanceTimersByTimeAsync(100);
    expect(toastText()).toMatch(/^toastSet\[/);
    // The superseded wait ends quietly: no late "not set" toast when its timeout would have passed.
    await vi.advanceTimersByTimeAsync(62_000);
    expect(toastText()).toBeUndefined();
    expect(fake.of('reminder.create')).toHaveLength(1);
    expect(fake.of('reminder.create')[0]).toMatchObject({ thread: { threadId: '183234ce86ffa010' } });
  });

  it('no response and no thread to fall back on (new compose): "not set" toast, nothing stored', async () => {
    const fake = await start('compose-dialog.html');
    deliverAccount('test@gmail.com');
    await armThroughUi('tomorrow');
    vi.useFakeTimers();
    clickSend();
    // A response for another message (cvOnSend's id differs from this compose's): not ours.
    deliverSend('cvOnSend');
    await vi.advanceTimersByTimeAsync(59_000);
    expect(toastText()).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1_100);
    expect(fake.of('reminder.create')).toEqual([]);
    expect(toastText()).toBe('toastNotSet');
  });

  it('an "Undo" link outside an alert is not Gmail\'s undo: the reminder is stored from the thread view', async () => {
    const fake = await start('thread-view-en.html');
    await armThroughUi('tomorrow', document.querySelector('div.M9')!);
    vi.useFakeTimers();
    clickSend();
    const other = document.createElement('div');
    other.innerHTML = '<span id="link_undo" role="link">Undo</span>';
    document.body.append(other);
    byId(document, 'link_undo').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await vi.advanceTimersByTimeAsync(60_100);
    // No response: the inline reply's thread view identifies the thread.
    expect(fake.of('reminder.create')).toEqual([
      {
        id: 'id-1',
        account: 'me@example.com',
        thread: {
          provider: 'gmail',
          threadId: '15f1123136926bff',
          permThreadId: 'thread-f:1581064946762017791',
          subject: 'Re: Quarterly numbers',
          recipients: [
            { email: 'bob@example.com', name: 'Bob Builder' },
            { email: 'alice@example.com', name: 'Alice Example' },
          ],
        },
        sentAt: fake.clock.now,
        pressedAt: fake.clock.now,
        due: { preset: 'tomorrow' },
      },
    ]);
  });

  it('the background refusing the reminder: "not set" toast', async () => {
    load('compose-dialog.html', { edit: asCvOnSend });
    const fake = fakeDeps({
      handlers: {
        'reminder.create': () => {
          throw new Error('storage full');
        },
      },
    });
    stop = startGmailIntegration(fake.deps);
    await settle();
    deliverAccount('test@gmail.com');
    await armThroughUi('tomorrow');
    clickSend();
    deliverSend('cvOnSend');
    await expectToast('toastNotSet');
    expect(fake.of('reminder.create')).toHaveLength(1);
    expect(fake.warnings).toContain('reminder.create failed');
  });
});

describe('armNewComposes', () => {
  it('a new compose starts armed with the default preset and its previewed label', async () => {
    const fake = await start('compose-dialog.html', { settings: { armNewComposes: true, defaultPreset: 'in-2-weeks' } });
    expect(buttonText()).toBe('armedButton[P:in-2-weeks]');
    expect(fake.of('due.preview')).toContainEqual({ preset: 'in-2-weeks' });
  });

  it('off (the default): the compose starts unarmed', async () => {
    await start('compose-dialog.html');
    expect(buttonText()).toBe('remindButton');
  });

  it('a compose the user disarmed stays disarmed when Gmail re-renders its send row', async () => {
    await start('compose-dialog.html', { settings: { armNewComposes: true } });
    expect(buttonText()).toBe('armedButton[P:in-3-days]');
    await disarmThroughUi();
    expect(buttonText()).toBe('remindButton');
    const row = sendCellOf(document).parentElement!;
    const clone = row.cloneNode(true) as Element;
    clone.querySelector('[data-follow-through]')?.remove();
    row.replaceWith(clone);
    await settle();
    expect(controls()).toHaveLength(1);
    expect(buttonText()).toBe('remindButton');
  });

  it('armed with the default and sent: the reminder uses the default preset', async () => {
    const fake = await start('compose-dialog.html', { edit: asCvOnSend, settings: { armNewComposes: true, defaultPreset: 'next-week' } });
    deliverAccount('test@gmail.com');
    clickSend();
    deliverSend('cvOnSend');
    await settle();
    expect(fake.of('reminder.create').map((c) => c.due)).toEqual([{ preset: 'next-week' }]);
  });
});

describe('an absolute time that has passed is refused before sending', () => {
  /** Gmail's own Send handlers, on the button itself as Closure puts them: what reaches them would send. */
  function gmailSees(): string[] {
    const seen: string[] = [];
    for (const type of ['mousedown', 'mouseup', 'click']) byId(document, ':79').addEventListener(type, () => seen.push(type));
    composeBody().addEventListener('keydown', (e) => (e as KeyboardEvent).ctrlKey && seen.push('ctrl+enter'));
    return seen;
  }

  const composeBody = () => document.querySelector('div.M9 [role=textbox]') ?? document.querySelector('div.M9 [contenteditable]')!;

  /** A real mouse Send: Gmail's Closure button acts on the mouseup. */
  function pressSend(): void {
    const send = byId(document, ':79');
    for (const type of ['mousedown', 'mouseup', 'click']) {
      send.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, composed: true, button: 0, detail: 1 }));
    }
  }

  const alertText = () => onlyShadow().querySelector('[role=alert]')?.textContent ?? null;

  /** Types into one of the picker's fields and accepts what the (fake) background previewed. */
  async function armByTyping(field: 'input[type=datetime-local]' | 'input[type=text]', value: string): Promise<void> {
    const shadow = onlyShadow();
    shadow.querySelector<HTMLButtonElement>('button.btn')!.click();
    await settle();
    const input = shadow.querySelector<HTMLInputElement>(field)!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 300)); // the picker's debounce
    await settle();
    shadow.querySelector<HTMLButtonElement>('button.use')!.click();
    await settle();
    expect(buttonText()).toMatch(/^armedButton/);
  }

  async function startWith(preview: (input: RequestOf<'due.preview'>) => DuePreview) {
    load('compose-dialog.html', { edit: asCvOnSend });
    const fake = fakeDeps({ handlers: { 'due.preview': preview } });
    stop = startGmailIntegration(fake.deps);
    await settle();
    deliverAccount('test@gmail.com');
    return fake;
  }

  const absolute = (input: RequestOf<'due.preview'>): DuePreview => ({ at: NOW + 60_000, moved: false, exactTime: true, label: `L:${JSON.stringify(input)}` });

  it('holds a mouse Send and Ctrl+Enter back, says why in the compose, and stores nothing', async () => {
    const fake = await startWith(absolute);
    await armByTyping('input[type=datetime-local]', '2025-06-10T12:01');
    const seen = gmailSees();
    fake.clock.now = NOW + 60_000; // the chosen minute has come by the time of Send
    pressSend();
    await settle();
    expect(seen).toEqual([]);
    expect(alertText()).toBe('composeRefusedPast[L:{"local":"2025-06-10T12:01"}]');
    composeBody().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true }));
    await settle();
    expect(seen).toEqual([]);
    expect(fake.of('reminder.create')).toEqual([]);
    expect(toastText()).toBeUndefined();

    // Choosing again clears the message and lets Send through to Gmail.
    await armThroughUi('tomorrow');
    expect(alertText()).toBeNull();
    pressSend();
    expect(seen).toEqual(['mousedown', 'mouseup', 'click']);
    deliverSend('cvOnSend');
    await settle();
    expect(fake.of('reminder.create')).toEqual([expect.objectContaining({ due: { preset: 'tomorrow' } })]);
  });

  it('a held Ctrl+Enter ends with its key: a Send from assistive technology after a new choice goes through', async () => {
    const fake = await startWith(absolute);
    await armByTyping('input[type=datetime-local]', '2025-06-10T12:01');
    const seen = gmailSees();
    fake.clock.now = NOW + 60_000;
    composeBody().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true }));
    composeBody().dispatchEvent(new KeyboardEvent('keyup', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true }));
    await settle();
    expect(seen).toEqual([]);
    await armThroughUi('tomorrow');
    // element.click() from a screen reader: no mousedown, detail 0.
    byId(document, ':79').dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, button: 0, detail: 0 }));
    expect(seen).toEqual(['click']);
  });

  it('absolute text ("today 12:01") is held back the same way; removing the reminder lets the mail go without one', async () => {
    const fake = await startWith(absolute);
    await armByTyping('input[type=text]', 'today 12:01');
    const seen = gmailSees();
    fake.clock.now = NOW + 61_000;
    pressSend();
    expect(seen).toEqual([]);
    expect(alertText()).toMatch(/^composeRefusedPast/);
    await disarmThroughUi();
    pressSend();
    expect(seen).toEqual(['mousedown', 'mouseup', 'click']);
  });

  it('a relative time is never held back and is stored as typed, to count from the send', async () => {
    const HOURS_2 = 2 * 3_600_000;
    const fake = await startWith((input) => ({ at: NOW + HOURS_2, moved: false, exactTime: true, label: 'in2h', ...('text' in input ? { relative: { after: HOURS_2 } } : {}) }));
    await armByTyping('input[type=text]', 'in 2 hours');
    const seen = gmailSees();
    fake.clock.now = NOW + 5 * 3_600_000; // long after the instant the preview showed
    pressSend();
    expect(seen).toEqual(['mousedown', 'mouseup', 'click']);
    deliverSend('cvOnSend');
    await settle();
    expect(fake.of('reminder.create')).toEqual([expect.objectContaining({ due: { after: HOURS_2 }, pressedAt: NOW + 5 * 3_600_000 })]);
  });

  it('Gmail sending anyway (a path we could not hold) ends in a toast, never in silence', async () => {
    const fake = await startWith(absolute);
    await armByTyping('input[type=datetime-local]', '2025-06-10T12:01');
    fake.clock.now = NOW + 120_000;
    pressSend();
    await settle();
    expect(alertText()).toMatch(/^composeRefusedPast/);
    deliverSend('cvOnSend');
    await settle();
    expect(fake.of('reminder.create')).toEqual([]);
    await expectToast('toastNotSetPast[L:{"local":"2025-06-10T12:01"}]');
  });

  it('says so in the compose as soon as the armed time passes, before any Send; a relative choice never expires', async () => {
    const soon = (input: RequestOf<'due.preview'>): DuePreview => ({
      at: NOW + 400,
      moved: false,
      exactTime: true,
      label: 'soon',
      ...('text' in input ? { relative: { after: 400 } } : {}),
    });
    const fake = await startWith(soon);
    await armByTyping('input[type=text]', 'in 400 ms');
    await armByTyping('input[type=datetime-local]', '2025-06-10T12:00');
    expect(alertText()).toBeNull();
    fake.clock.now = NOW + 400;
    await vi.waitFor(() => expect(alertText()).toBe('composeTimePassed[soon]'));
    // Choosing again clears it; a relative choice has nothing to expire.
    await armByTyping('input[type=text]', 'in 400 ms');
    expect(alertText()).toBeNull();
    await new Promise((r) => setTimeout(r, 600));
    expect(alertText()).toBeNull();
  });

  it('a key press on Send (Enter or Space, down and up) is held back to its end', async () => {
    const fake = await startWith(absolute);
    await armByTyping('input[type=datetime-local]', '2025-06-10T12:01');
    const seen: string[] = [];
    for (const type of ['keydown', 'keyup']) byId(document, ':79').addEventListener(type, (e) => seen.push(`${type}:${(e as KeyboardEvent).key}`));
    fake.clock.now = NOW + 60_000;
    for (const key of ['Enter', ' ']) {
      byId(document, ':79').dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      byId(document, ':79').dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true, cancelable: true }));
    }
    await settle();
    expect(seen).toEqual([]);
    expect(alertText()).toMatch(/^composeRefusedPast/);
    // Typing in the body is never held: only Send is.
    const typed: string[] = [];
    composeBody().addEventListener('keydown', (e) => typed.push((e as KeyboardEvent).key));
    composeBody().dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true, cancelable: true }));
    expect(typed).toEqual([' ']);
  });

  it('our check failing never blocks Gmail\'s Send', async () => {
    const fake = await startWith(absolute);
    await armByTyping('input[type=datetime-local]', '2025-06-10T12:01');
    const seen = gmailSees();
    fake.deps.now = () => {
      throw new Error('clock broke');
    };
    pressSend();
    expect(seen).toEqual(['mousedown', 'mouseup', 'click']);
    expect(fake.warnings.length).toBeGreaterThan(0);
  });
});

describe('Gmail\'s "Schedule send" on an armed compose', () => {
  const AT = NOW + 3 * 24 * 3_600_000;
  const cvOnSend = () => ({ request: syncSample('cvOnSend_request'), response: syncSample('cvOnSend_response') });

  /** The more-send arrow, then the menu item, as a mouse does it (Closure menus act on mouseup; a click follows). */
  function chooseScheduleSend(): void {
    byId(document, ':75').dispatchEvent(new MouseEvent('mousedown', { bubbles: true, button: 0 }));
    const item = document.querySelector('[selector=scheduledSend]')!;
    for (const type of ['mousedown', 'mouseup', 'click']) item.dispatchEvent(new MouseEvent(type, { bubbles: true, button: 0, detail: 1 }));
  }

  /** Gmail closes the compose once the time is picked, then sends the request. */
  function gmailSchedules(at: number | null): void {
    document.querySelector('div.M9')!.closest('[role=dialog]')?.remove();
    const { request, response } = scheduledCvOnSend(cvOnSend(), at);
    deliverSendBodies(request, response);
  }

  it('stores the reminder counting from the scheduled time', async () => {
    const fake = await start('compose-dialog.html', { edit: asCvOnSend });
    deliverAccount('test@gmail.com');
    await armThroughUi('in-2-days');
    chooseScheduleSend();
    await settle();
    expect(fake.of('reminder.create')).toEqual([]); // not before Gmail answered
    gmailSchedules(AT);
    await settle();
    expect(fake.of('reminder.create')).toEqual([
      expect.objectContaining({ due: { preset: 'in-2-days' }, sentAt: AT, pressedAt: NOW, thread: expect.objectContaining({ threadId: '183234ce86ffa010' }) }),
    ]);
    await expectToast(`toastScheduledSet[${DUE_LABEL}]`);
  });

  it('says so when the scheduled time cannot be read, and stores nothing', async () => {
    const fake = await start('compose-dialog.html', { edit: asCvOnSend });
    deliverAccount('test@gmail.com');
    await armThroughUi('tomorrow');
    chooseScheduleSend();
    gmailSchedules(null);
    await settle();
    expect(fake.of('reminder.create')).toEqual([]);
    await expectToast('toastScheduledNotSet');
  });

  it('an absolute time before the scheduled send is not stored, and the toast says why', async () => {
    // A background that previews the custom time as one day ahead.
    const preview = (input: RequestOf<'due.preview'>): DuePreview => ({ at: NOW + 24 * 3_600_000, moved: false, exactTime: true, label: `L:${'local' in input ? input.local : '?'}` });
    load('compose-dialog.html', { edit: asCvOnSend });
    const fake2 = fakeDeps({ handlers: { 'due.preview': preview } });
    stop = startGmailIntegration(fake2.deps);
    await settle();
    deliverAccount('test@gmail.com');
    const shadow = onlyShadow();
    shadow.querySelector<HTMLButtonElement>('button.btn')!.click();
    await settle();
    const input = shadow.querySelector<HTMLInputElement>('input[type=datetime-local]')!;
    input.value = '2025-06-11T12:00';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 300));
    await settle();
    shadow.querySelector<HTMLButtonElement>('button.use')!.click();
    await settle();
    chooseScheduleSend();
    gmailSchedules(AT);
    await settle();
    expect(fake2.of('reminder.create')).toEqual([]);
    await expectToast('toastScheduledBefore[L:2025-06-11T12:00|Fri 13 Jun, 12:00]');
  });

  it('the compose closing without a recognisable request ends in the notice after a grace period, never in silence', async () => {
    const fake = await start('compose-dialog.html', { edit: asCvOnSend });
    deliverAccount('test@gmail.com');
    await armThroughUi('tomorrow');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    chooseScheduleSend();
    document.querySelector('div.M9')!.closest('[role=dialog]')?.remove();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(toastText()).toBeUndefined();
    await vi.advanceTimersByTimeAsync(31_000);
    expect(toastText()).toBe('toastScheduledNotSet');
    expect(fake.of('reminder.create')).toEqual([]);
  });

  it('a passed absolute time holds Schedule send back too: Gmail\'s menu never sees the choice, the compose says why', async () => {
    const preview = (input: RequestOf<'due.preview'>): DuePreview => ({ at: NOW + 60_000, moved: false, exactTime: true, label: `L:${'local' in input ? input.local : '?'}` });
    load('compose-dialog.html', { edit: asCvOnSend });
    const fake = fakeDeps({ handlers: { 'due.preview': preview } });
    stop = startGmailIntegration(fake.deps);
    await settle();
    deliverAccount('test@gmail.com');
    const shadow = onlyShadow();
    shadow.querySelector<HTMLButtonElement>('button.btn')!.click();
    await settle();
    const input = shadow.querySelector<HTMLInputElement>('input[type=datetime-local]')!;
    input.value = '2025-06-10T12:01';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 300));
    await settle();
    shadow.querySelector<HTMLButtonElement>('button.use')!.click();
    await settle();
    const menuSaw: string[] = [];
    const item = document.querySelector('[selector=scheduledSend]')!;
    for (const type of ['mousedown', 'mouseup', 'click', 'keydown']) item.addEventListener(type, () => menuSaw.push(type));
    fake.clock.now = NOW + 60_000;
    chooseScheduleSend();
    item.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    await settle();
    expect(menuSaw).toEqual([]);
    expect(onlyShadow().querySelector('[role=alert]')?.textContent).toBe('composeRefusedPast[L:2025-06-10T12:01]');
    gmailSchedules(AT); // even if Gmail scheduled it some other way, nothing is stored from a refused time
    await settle();
    expect(fake.of('reminder.create')).toEqual([]);
  });

  it('the schedule dialog cancelled (the compose stays open): nothing said, the compose still armed and sendable', async () => {
    const fake = await start('compose-dialog.html', { edit: asCvOnSend });
    deliverAccount('test@gmail.com');
    await armThroughUi('tomorrow');
    chooseScheduleSend();
    await settle();
    // The user thinks again and sends at once: the Send supersedes the schedule wait.
    clickSend();
    deliverSend('cvOnSend');
    await settle();
    expect(fake.of('reminder.create')).toEqual([expect.objectContaining({ due: { preset: 'tomorrow' }, sentAt: 1662744701149 })]);
    await expectToast(`toastSet[${DUE_LABEL}]`);
  });
});

describe('an unarmed send that continues a repeating follow-up chain', () => {
  async function sendWith(followedUp: ReturnType<typeof fakeReminder>[]) {
    load('compose-dialog.html', { edit: asCvOnSend });
    const fake = fakeDeps({ handlers: { 'thread.sent': () => ({ answered: [], followedUp }) } });
    stop = startGmailIntegration(fake.deps);
    await settle();
    deliverAccount('test@gmail.com');
    clickSend();
    deliverSend('cvOnSend');
    await settle();
    return fake;
  }
  const chained = (sent: number) =>
    fakeReminder({ id: 'r1', dueAt: Date.parse('2025-06-13T09:00:00Z'), chain: { repeat: true, steps: [3, 7, 14], cap: 3, sent: Array.from({ length: sent }, (_, i) => ({ at: i })) } });

  it('says which follow-up was recorded and when the next reminder comes', async () => {
    const fake = await sendWith([chained(2)]);
    expect(fake.of('thread.sent')).toHaveLength(1);
    await expectToast(`toastChainNext[2|3|${DUE_LABEL}]`);
  });

  it('after the last planned follow-up: the last reminder', async () => {
    await sendWith([chained(3)]);
    await expectToast(`toastChainLast[3|${DUE_LABEL}]`);
  });

  it('nothing continued (no chain, repeat off): no toast, as before', async () => {
    await sendWith([]);
    expect(toastText()).toBeUndefined();
  });
});
