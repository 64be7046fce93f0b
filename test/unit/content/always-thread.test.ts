// @vitest-environment happy-dom
/**
 * "Remind me regardless" from the thread toolbar (Gmail thread-view
 * fixtures): offered beside "if no reply" and "until I reply", stored as
 * kind `always`, and an existing one says what it is and what ends it.
 */
import { describe, expect, it } from 'vitest';
import { byId } from '../gmail-dom/dom';
import { PRESET_IDS, type PresetId } from '../../../src/core/schedule/presets';
import { buttonText, expectToast, fakeReminder, onlyShadow, settle, type Fake, type Handlers } from './harness';
import { threadIntegration } from './thread-integration';

const DUE_LABEL = 'Fri 13 Jun, 09:00';

const integration = threadIntegration();
const start = (handlers?: Handlers, prepare?: () => void): Promise<Fake> => integration.start('thread-view-en.html', handlers, prepare);

const toolbar = () => byId(document, ':thread-mtb');
/** Leaves only the user's own first message: a thread the user sent. */
const mineLast = () => [...document.querySelectorAll('[role=listitem]')].slice(1).forEach((el) => el.remove());

async function openMenu(): Promise<ShadowRoot> {
  const shadow = onlyShadow(toolbar());
  shadow.querySelector<HTMLButtonElement>('button.btn')!.click();
  await settle();
  return shadow;
}

const kindLabels = (shadow: ShadowRoot) => [...shadow.querySelectorAll('fieldset.kinds label')].map((l) => l.textContent);

async function chooseAndPick(shadow: ShadowRoot, kind: string, preset: PresetId): Promise<void> {
  [...shadow.querySelectorAll('fieldset.kinds label')].find((l) => l.textContent === kind)!.querySelector('input')!.click();
  await settle();
  [...shadow.querySelectorAll<HTMLButtonElement>('[role=group] button.item')][PRESET_IDS.indexOf(preset)]!.click();
  await settle();
}

describe('thread control: "regardless" beside the usual kind', () => {
  it('a thread the user sent: "if no reply" or "regardless"; regardless stores kind "always" with the thread\'s anchor', async () => {
    const fake = await start(undefined, mineLast);
    const shadow = await openMenu();
    expect(kindLabels(shadow)).toEqual(['pickerKindNoReply', 'pickerKindAlways']);
    await chooseAndPick(shadow, 'pickerKindAlways', 'in-2-days');
    expect(fake.of('reminder.create')).toMatchObject([{ kind: 'always', anchor: 'message', due: { preset: 'in-2-days' }, thread: { threadId: '15f1123136926bff', subject: 'Quarterly numbers' } }]);
    await expectToast('toastAlwaysSet[P:in-2-days]');
  });

  it('a thread whose newest message is someone else\'s: "until I reply" or "regardless"; regardless is not an owed reply', async () => {
    const fake = await start();
    const shadow = await openMenu();
    expect(kindLabels(shadow)).toEqual(['pickerKindOwed', 'pickerKindAlways']);
    await chooseAndPick(shadow, 'pickerKindAlways', 'tomorrow');
    const [created] = fake.of('reminder.create');
    expect(created).toMatchObject({ kind: 'always', anchor: 'added', thread: { recipients: [{ email: 'alice@example.com' }, { email: 'bob@example.com' }] } });
  });

  it('the default choice stays what it was (an owed reply here)', async () => {
    const fake = await start();
    const shadow = await openMenu();
    await chooseAndPick(shadow, 'pickerKindOwed', 'tomorrow');
    expect(fake.of('reminder.create')).toMatchObject([{ kind: 'owed-reply' }]);
  });

  it('an existing "always" reminder: its button and menu say "regardless" and what ends it; change and snooze offer no kind', async () => {
    await start({ 'reminder.getByThread': () => ({ reminder: fakeReminder({ kind: 'always' }) }) });
    expect(buttonText(toolbar())).toBe(`threadAlwaysButton[${DUE_LABEL}]`);
    const shadow = await openMenu();
    expect([...shadow.querySelectorAll('p.head')].map((p) => p.textContent)).toEqual(['alwaysExplain']);
    const change = [...shadow.querySelectorAll<HTMLButtonElement>('button.item')].find((b) => b.textContent === 'threadChange')!;
    change.click();
    await settle();
    expect(shadow.querySelector('fieldset.kinds')).toBeNull();
  });
});
