// @vitest-environment happy-dom
/**
 * "Remind me regardless" armed in a Gmail compose: the choice is made in
 * the picker beside the time, shows on the button, lives on the compose
 * root (so a replacing script keeps it) and reaches `reminder.create` as
 * `kind: 'always'` — and only when chosen.
 */
import { describe, expect, it } from 'vitest';
import { byId, load } from '../gmail-dom/dom';
import { ARMED_ATTR, isArmed, loadArmed } from '../../../src/content/controller/armed-store';
import { PRESET_IDS, type PresetId } from '../../../src/core/schedule/presets';
import { buttonText, deliverAccount, deliverSend, expectToast, onlyShadow, settle } from './harness';
import { scriptCopies } from './script-copies';

const CV_ON_SEND_MSG = 'msg-a:r8190137112111191537';
const asCvOnSend = (html: string) => html.replace('value="#msg-a:r-7673660351152959857"', `value="#${CV_ON_SEND_MSG}"`);
const clickSend = () => byId(document, ':79').dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
const composeRoot = () => document.querySelector(`[${ARMED_ATTR}]`)!;

const { startCopy } = scriptCopies();

/** Opens the menu, picks the kind by its labelled radio, then the preset — as a user does. */
async function arm(preset: PresetId, kind: 'pickerKindAlways' | 'pickerKindNoReply'): Promise<void> {
  const shadow = onlyShadow();
  shadow.querySelector<HTMLButtonElement>('button.btn')!.click();
  await settle();
  const group = shadow.querySelector('fieldset.kinds')!;
  expect(group.querySelector('legend')!.textContent).toBe('pickerKindLabel');
  const radio = [...group.querySelectorAll('label')].find((l) => l.textContent === kind)!.querySelector('input')!;
  radio.click();
  await settle();
  [...shadow.querySelectorAll<HTMLButtonElement>('[role=group] button.item')][PRESET_IDS.indexOf(preset)]!.click();
  await settle();
}

describe('arming "regardless" in a compose', () => {
  it('the button says which kind is armed, the send stores kind "always", and the toast says "regardless"', async () => {
    load('compose-dialog.html', { edit: asCvOnSend });
    const { fake } = startCopy();
    await settle();
    await arm('in-1-week', 'pickerKindAlways');
    expect(buttonText()).toBe('armedAlwaysButton[P:in-1-week]');
    expect(loadArmed(composeRoot())).toMatchObject({ due: { preset: 'in-1-week' }, kind: 'always' });

    // Opened again, the picker shows the armed kind.
    const shadow = onlyShadow();
    shadow.querySelector<HTMLButtonElement>('button.btn')!.click();
    await settle();
    const checked = shadow.querySelector<HTMLInputElement>('fieldset.kinds input:checked')!;
    expect(checked.closest('label')!.textContent).toBe('pickerKindAlways');
    shadow.querySelector<HTMLButtonElement>('button.btn')!.click();
    await settle();

    deliverAccount('test@gmail.com');
    clickSend();
    deliverSend('cvOnSend');
    await settle();
    expect(fake.of('reminder.create')).toMatchObject([{ kind: 'always', due: { preset: 'in-1-week' }, thread: { threadId: '183234ce86ffa010' } }]);
    await expectToast('toastAlwaysSet[Fri 13 Jun, 09:00]');
  });

  it('"if no reply" (the default choice) sends no kind at all, as before', async () => {
    load('compose-dialog.html', { edit: asCvOnSend });
    const { fake } = startCopy();
    await settle();
    await arm('tomorrow', 'pickerKindAlways');
    await arm('tomorrow', 'pickerKindNoReply');
    expect(buttonText()).toBe('armedButton[P:tomorrow]');
    deliverAccount('test@gmail.com');
    clickSend();
    deliverSend('cvOnSend');
    await settle();
    const [created] = fake.of('reminder.create');
    expect(created).toMatchObject({ due: { preset: 'tomorrow' } });
    expect(created).not.toHaveProperty('kind');
  });

  it('survives an update with Gmail open: the new script re-mounts it armed "regardless" and stores kind "always"', async () => {
    load('compose-dialog.html', { edit: asCvOnSend });
    const old = startCopy();
    await settle();
    await arm('in-1-week', 'pickerKindAlways');

    old.alive.v = false;
    const next = startCopy();
    await settle();
    expect(buttonText()).toBe('armedAlwaysButton[P:in-1-week]');
    deliverAccount('test@gmail.com');
    clickSend();
    deliverSend('cvOnSend');
    await settle();
    expect(next.fake.of('reminder.create')).toMatchObject([{ kind: 'always', due: { preset: 'in-1-week' } }]);
    expect(old.fake.of('reminder.create')).toEqual([]);
  });

  it('a send waiting for Gmail\'s answer when the update lands is handed over with its kind', async () => {
    load('compose-dialog.html', { edit: asCvOnSend });
    const old = startCopy();
    await settle();
    deliverAccount('test@gmail.com');
    await arm('tomorrow', 'pickerKindAlways');
    clickSend();
    await settle();
    old.alive.v = false;
    const next = startCopy();
    await settle();
    deliverAccount('test@gmail.com');
    deliverSend('cvOnSend');
    await settle();
    expect(next.fake.of('reminder.create')).toMatchObject([{ id: 'id-1', kind: 'always', due: { preset: 'tomorrow' } }]);
  });
});

describe('the armed kind on the compose root is checked like the rest', () => {
  it('takes "always" and refuses any other kind (a page cannot forge an owed reply or a made-up kind)', () => {
    const base = { due: { preset: 'tomorrow' }, label: 'Thu 09:00', at: 1 };
    expect(isArmed({ ...base, kind: 'always' })).toBe(true);
    expect(isArmed(base)).toBe(true);
    for (const kind of ['owed-reply', 'no-reply', 'sometimes', 1, true]) expect(isArmed({ ...base, kind })).toBe(false);
  });
});
