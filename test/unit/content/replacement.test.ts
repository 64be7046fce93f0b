// @vitest-environment happy-dom
/**
 * A content script replaced while Gmail stays open (an extension update):
 * the orphaned copy steps aside, the new copy takes over the page, and what
 * the user had armed — or already sent — still ends up stored. Two copies
 * are two `startOnce` calls with their own "world" and their own fake
 * background; the DOM is shared, as in a real tab.
 */
import { describe, expect, it } from 'vitest';
import { byId, load } from '../gmail-dom/dom';
import { startGmailIntegration } from '../../../src/content/controller/page';
import { startOnce, TAKEOVER_EVENT } from '../../../src/content/lifecycle';
import { ExtensionGoneError } from '../../../src/core/protocol/gone';
import { PRESET_IDS, type PresetId } from '../../../src/core/schedule/presets';
import { HANDOVER_ATTR } from '../../../src/content/controller/send-handover';
import { buttonText, controls, deliverAccount, deliverSend, expectToast, fakeDeps, onlyShadow, settle } from './harness';
import { scriptCopies } from './script-copies';

const CV_ON_SEND_MSG = 'msg-a:r8190137112111191537';
const asCvOnSend = (html: string) => html.replace('value="#msg-a:r-7673660351152959857"', `value="#${CV_ON_SEND_MSG}"`);

const { copies, startCopy } = scriptCopies();

async function armThroughUi(preset: PresetId): Promise<void> {
  const shadow = onlyShadow();
  shadow.querySelector<HTMLButtonElement>('button.btn')!.click();
  await settle();
  [...shadow.querySelectorAll<HTMLButtonElement>('[role=group] button.item')][PRESET_IDS.indexOf(preset)]!.click();
  await settle();
}

const clickSend = () => byId(document, ':79').dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));

describe('a replaced content script', () => {
  it('the compose armed before the update is re-mounted armed by the new copy, and its send is stored by the new copy only', async () => {
    load('compose-dialog.html', { edit: asCvOnSend });
    const old = startCopy();
    await settle();
    await armThroughUi('in-1-week');
    const oldHost = controls()[0];

    old.alive.v = false; // the update invalidates the old context
    const next = startCopy();
    await settle();
    expect(controls()).toHaveLength(1);
    expect(controls()[0]).not.toBe(oldHost);
    expect(oldHost!.isConnected).toBe(false);
    expect(buttonText()).toBe('armedButton[P:in-1-week]');

    deliverAccount('test@gmail.com');
    clickSend();
    deliverSend('cvOnSend');
    await settle();
    expect(next.fake.of('reminder.create')).toMatchObject([{ due: { preset: 'in-1-week' }, thread: { threadId: '183234ce86ffa010' } }]);
    expect(old.fake.calls.filter((c) => c.type === 'reminder.create')).toEqual([]);
    await expectToast('toastSet[Fri 13 Jun, 09:00]');
    expect([...old.fake.warnings, ...next.fake.warnings]).toEqual([]);
  });

  it('a compose the user disarmed stays disarmed, even with "arm new composes" on', async () => {
    load('compose-dialog.html');
    const old = startCopy({ armNewComposes: true });
    await settle();
    expect(buttonText()).toBe(`armedButton[P:${old.fake.settings.defaultPreset}]`);
    const shadow = onlyShadow();
    shadow.querySelector<HTMLButtonElement>('button.btn')!.click();
    await settle();
    [...shadow.querySelectorAll<HTMLButtonElement>('button.item')].find((b) => b.textContent === 'removeReminder')!.click();
    await settle();
    expect(buttonText()).toBe('remindButton');

    old.alive.v = false;
    startCopy({ armNewComposes: true });
    await settle();
    expect(buttonText()).toBe('remindButton');
  });

  it('a send waiting for Gmail\'s answer when the update lands is stored by the new copy, under the id chosen at Send', async () => {
    load('compose-dialog.html', { edit: asCvOnSend });
    const old = startCopy();
    await settle();
    deliverAccount('test@gmail.com');
    await armThroughUi('tomorrow');
    clickSend();
    await settle();

    old.alive.v = false;
    const next = startCopy();
    await settle();
    expect(document.documentElement.hasAttribute(HANDOVER_ATTR)).toBe(false);
    // The page-world hook re-posts the account right before each send answer.
    deliverAccount('test@gmail.com');
    deliverSend('cvOnSend');
    await settle();
    const created = next.fake.of('reminder.create');
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ id: 'id-1', due: { preset: 'tomorrow' }, sentAt: 1662744701149, thread: { permThreadId: 'thread-f:1743514067378610192' } });
    expect(old.fake.of('reminder.create')).toEqual([]);
  });

  it('an answer the orphan received but could not store is stored by the copy that replaces it, without waiting', async () => {
    load('compose-dialog.html', { edit: asCvOnSend });
    const old = startCopy();
    await settle();
    deliverAccount('test@gmail.com');
    await armThroughUi('tomorrow');
    clickSend();
    await settle();
    old.alive.v = false; // invalidated, not yet replaced
    deliverSend('cvOnSend');
    await settle();
    expect(document.documentElement.hasAttribute(HANDOVER_ATTR)).toBe(true);
    // The orphan says nothing: no "not set" toast.
    expect(document.querySelector('follow-through-toast')).toBeNull();

    const next = startCopy();
    await settle();
    expect(next.fake.of('reminder.create')).toMatchObject([{ id: 'id-1', sentAt: 1662744701149, thread: { threadId: '183234ce86ffa010' } }]);
    expect(document.documentElement.hasAttribute(HANDOVER_ATTR)).toBe(false);
  });

  it('the same hand-over reaches a copy that is already running', async () => {
    load('compose-dialog.html', { edit: asCvOnSend });
    const old = startCopy({}, {});
    await settle();
    deliverAccount('test@gmail.com');
    await armThroughUi('tomorrow');
    clickSend();
    await settle();
    old.alive.v = false;
    // A forged or early takeover does not stop a copy whose context lives; here the old one is dead but
    // misses the event (its listener is gone), so it still holds the send when the answer comes.
    old.stop?.();
    const next = startCopy();
    await settle();
    deliverAccount('test@gmail.com');
    deliverSend('cvOnSend');
    await settle();
    expect(next.fake.of('reminder.create')).toHaveLength(1);
  });

  it('the orphan\'s listeners are gone: a Send in its compose after it stepped aside goes through the new copy only', async () => {
    load('compose-dialog.html', { edit: asCvOnSend });
    const old = startCopy();
    await settle();
    old.alive.v = false;
    const next = startCopy();
    await settle();
    deliverAccount('test@gmail.com');
    await armThroughUi('in-2-days');
    clickSend();
    deliverSend('cvOnSend');
    await settle();
    expect(next.fake.of('reminder.create')).toHaveLength(1);
    expect(old.fake.calls).not.toContainEqual(expect.objectContaining({ type: 'reminder.create' }));
  });
});

describe('a replaced content script in a thread view', () => {
  it('the toolbar keeps exactly one control, the new copy\'s, which looks the thread up again', async () => {
    load('thread-view-en.html');
    const old = startCopy();
    await settle();
    await settle();
    const toolbarControls = () => [...document.querySelectorAll('[data-follow-through=thread] follow-through-control')];
    expect(toolbarControls()).toHaveLength(1);
    const oldHost = toolbarControls()[0];

    old.alive.v = false;
    const next = startCopy();
    await settle();
    await settle();
    expect(toolbarControls()).toHaveLength(1);
    expect(toolbarControls()[0]).not.toBe(oldHost);
    expect(next.fake.of('reminder.getByThread').length).toBeGreaterThan(0);
  });
});

describe('startOnce', () => {
  it('a forged takeover event changes nothing while the context lives', async () => {
    load('compose-dialog.html');
    startCopy();
    await settle();
    document.dispatchEvent(new CustomEvent(TAKEOVER_EVENT));
    await settle();
    expect(controls()).toHaveLength(1);
  });

  it('a second copy in the same world (two injections racing) does not start', async () => {
    load('compose-dialog.html');
    const world = {};
    startCopy({}, world);
    const second = startCopy({}, world);
    await settle();
    expect(second.stop).toBeUndefined();
    expect(controls()).toHaveLength(1);
    expect(second.fake.calls).toEqual([]);
  });

  it('a dead copy in the same world is stopped and replaced', async () => {
    load('compose-dialog.html');
    const world = {};
    const old = startCopy({}, world);
    await settle();
    old.alive.v = false;
    const next = startCopy({}, world);
    await settle();
    expect(next.stop).toBeDefined();
    expect(controls()).toHaveLength(1);
  });

  it.each([
    ['the tab is shown again', () => document.dispatchEvent(new Event('visibilitychange'))],
    ['the user presses anywhere', () => document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }))],
    ['the user types', () => document.body.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, key: 'a' }))],
  ])('an orphan nobody replaces (extension removed) removes its controls when %s, silently', async (_name, interact) => {
    load('compose-dialog.html', { edit: asCvOnSend });
    const old = startCopy();
    await settle();
    await armThroughUi('tomorrow');
    old.alive.v = false;
    document.body.append(document.createElement('div'));
    await settle();
    // Gmail's own DOM changes cost nothing extra: the check waits for the user.
    expect(controls()).toHaveLength(1);
    interact();
    await settle();
    expect(controls()).toHaveLength(0);
    expect(document.querySelector('[data-follow-through]')).toBeNull();
    clickSend();
    deliverSend('cvOnSend');
    await settle();
    expect(document.querySelector('follow-through-toast')).toBeNull();
    expect(old.fake.warnings).toEqual([]);
  });

  it('leftovers no script owns (an old copy that could not clean up) are swept before the new copy renders', async () => {
    load('compose-dialog.html');
    const cell = document.createElement('td');
    cell.setAttribute('data-follow-through', 'compose');
    const host = document.createElement('follow-through-control');
    host.attachShadow({ mode: 'open' }).textContent = 'stale';
    cell.append(host);
    byId(document, ':79').closest('td')!.after(cell);
    startCopy();
    await settle();
    expect(host.isConnected).toBe(false);
    expect(controls()).toHaveLength(1);
    expect(buttonText()).toBe('remindButton');
  });

  it('stopping one copy removes only its own controls', async () => {
    load('compose-dialog.html');
    const mine = startCopy();
    await settle();
    const foreign = document.createElement('div');
    foreign.setAttribute('data-follow-through', 'thread');
    const foreignHost = document.createElement('follow-through-control');
    foreign.append(foreignHost);
    document.body.append(foreign);
    mine.stop!();
    expect(controls()).toEqual([foreignHost]);
  });
});

describe('an orphan in a thread view', () => {
  it('a click on its toolbar control after the extension went away shows no "not set" toast and removes the control', async () => {
    load('thread-view-en.html');
    const fake = fakeDeps();
    const alive = { v: true };
    const real = fake.deps.request;
    let refused = 0;
    const gone = () => {
      refused++;
      for (const fn of goneListeners) fn();
      return Promise.reject(new ExtensionGoneError());
    };
    const goneListeners: (() => void)[] = [];
    // The preview of the picked preset still gets through; the create is the call that finds the context gone.
    fake.deps.request = ((type: string, payload: never) => (alive.v || type !== 'reminder.create' ? real(type as never, payload) : gone())) as unknown as typeof real;
    const stop = startOnce({ doc: document, world: {}, alive: () => alive.v, onGone: (fn) => goneListeners.push(fn) }, () => startGmailIntegration(fake.deps));
    copies.push({ fake, alive, stop });
    await settle();
    await settle();
    const shadow = document.querySelector('[data-follow-through=thread] follow-through-control')!.shadowRoot!;
    // Open the menu (its previews load), then the extension goes, then the first preset is picked: the create fails as in an orphan.
    shadow.querySelector<HTMLButtonElement>('button.btn')!.click();
    await settle();
    alive.v = false;
    shadow.querySelector<HTMLButtonElement>('[role=group] button.item')!.click();
    await settle();
    await new Promise((r) => setTimeout(r, 100));
    expect(refused).toBe(1);
    expect(document.querySelector('[data-follow-through]')).toBeNull();
    expect(document.querySelector('follow-through-toast')).toBeNull();
    expect(fake.warnings).toEqual([]);
  });
});
