/**
 * "Write follow-up" in real Chromium on the Gmail fixtures: a due "if no
 * reply" reminder's notification button (through the background's own
 * notification handler) and the popup's row action bring the open Gmail tab
 * of the account to the thread, open Reply all, write the rendered nudge into
 * Gmail's editor as typing would (its input events, its undo), and arm the
 * compose with the chain's next step. Pressing Send re-arms the same
 * reminder; a reply from the others then resolves it.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PageMessage } from '../fixtures/gmail/print-view/page';
import {
  axeViolations,
  closedAfterEach,
  currentWorker,
  formatViolations,
  launch,
  notificationIds,
  openExtensionPage,
  readReminders,
  sendOk,
  waitFor,
  type Launched,
} from './harness';
import { gmailRoutes, printViewRoutes, syncSample } from './gmail-pages';
import { ACCOUNT, ALICE, BOB, HEX, threadPage } from './thread-pages';
import { createdNotifications, recordNotifications, SEND, utcWithoutWorkingHours } from './gmail-session';

const DAY = 86_400_000;

const track = closedAfterEach();

interface Setup {
  l: Launched;
  gmail: Page;
  ext: Page;
  threads: Map<string, PageMessage[]>;
  sentAt: number;
}

/** A browser with the Gmail tab open (account known), working hours off in UTC, and a reminder that has fired. */
async function dueReminder(lang?: string): Promise<Setup> {
  const sentAt = Date.now() - 3 * DAY;
  const threads = new Map<string, PageMessage[]>([[HEX, [{ from: { email: ACCOUNT }, to: [ALICE, BOB], at: sentAt }]]]);
  const printView = printViewRoutes(threads, 'UTC');
  const page = threadPage();
  const gmailRoute = gmailRoutes({ '/mail/u/0/': page, '/mail/': page }, syncSample('cvOnReplySend_2_response'));
  const l = track(
    await launch({ ...(lang ? { lang } : {}), mail: (route, request) => (new URL(request.url()).searchParams.get('view') === 'pt' ? printView(route, request) : gmailRoute(route, request)) }),
  );
  const gmail = await l.context.newPage();
  await gmail.goto('https://mail.google.com/mail/u/0/#inbox');
  await gmail.locator('[gh=mtb] follow-through-control').waitFor();
  const ext = await openExtensionPage(l);
  await utcWithoutWorkingHours(ext);
  await recordNotifications(l);
  await sendOk(ext, 'reminder.create', {
    id: 'e2e-wait',
    account: ACCOUNT,
    thread: { provider: 'gmail', threadId: HEX, subject: 'Quarterly numbers', recipients: [ALICE, BOB] },
    sentAt,
    due: { at: Date.now() + 3_000 },
  });
  await waitFor(async () => (await readReminders(ext)).find((r) => r.id === 'e2e-wait')?.status === 'notified', { what: 'the reminder to fire', timeout: 30_000 });
  return { l, gmail, ext, threads, sentAt };
}

const editorOf = (gmail: Page) => gmail.locator('.ip.adB [role=textbox]');
const inlineControl = (gmail: Page) => gmail.locator('.ip.adB follow-through-control');
const buttonText = async (gmail: Page) => (await inlineControl(gmail).getByRole('button').first().textContent())?.replace(/[\u2068\u2069]/g, '');
/** What the compose was armed with (kept on its root, see armed-store.ts). */
const armedOf = async (gmail: Page) => JSON.parse((await gmail.locator('.ip.adB .M9').getAttribute('data-follow-through-armed')) ?? 'null') as { at: number; step?: number; steps?: number; label: string };

/** The nudge as the friendly English template renders it for Alice and Bob (no name of the user on the page). */
const NUDGE =
  /^Hi Alice and Bob,<div><br><\/div><div>I hope you are well\. I wanted to follow up on my email from \w+ \d+ — have you had a chance to look at it\? Happy to help if anything is unclear\.<\/div><div><br><\/div><div>Best regards,<\/div>$/;

async function expectFollowUpWritten(gmail: Page) {
  await editorOf(gmail).waitFor();
  // Gmail's own lines (Chromium's insertText turns each line break into the editor's <div> lines); no markup of ours.
  await expect.poll(() => editorOf(gmail).innerHTML(), { timeout: 10_000 }).toMatch(NUDGE);
  // Reply all (the tracked message went to two people), clicked once.
  expect(await gmail.evaluate(() => (window as unknown as { __replyVia?: string }).__replyVia)).toBe('ams bkI');
  expect(await gmail.evaluate(() => (window as unknown as { __replyClicks?: number }).__replyClicks)).toBe(1);
  await expect.poll(() => gmail.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('textbox');
  // Armed with the chain's first follow-up: the control says which and when the reminder comes back.
  const armed = await armedOf(gmail);
  expect(armed).toMatchObject({ step: 1, steps: 3, followUp: true });
  expect(armed.at).toBeGreaterThan(Date.now() + 6 * DAY);
  await expect.poll(() => buttonText(gmail)).toBe(`Follow-up 1 of 3 · ${armed.label}`);
  return armed;
}

describe('"Write follow-up" in Gmail', () => {
  it('from the notification: the open Gmail tab shows the thread with Reply all filled and armed; Send re-arms the same reminder; their reply ends it', async () => {
    const { l, gmail, ext, threads, sentAt } = await dueReminder();
    await expect.poll(() => notificationIds(l.worker)).toEqual(['r:e2e-wait']);
    const created = await createdNotifications(l);
    expect(created.at(-1)![1].buttons).toEqual([{ title: 'Write follow-up' }, { title: 'Snooze' }]);
    const pagesBefore = l.context.pages().length;

    // The first button, as Chromium delivers the click to the background.
    const worker = await currentWorker(l.context);
    await worker.evaluate(() => (chrome.notifications.onButtonClicked as unknown as { dispatch(id: string, index: number): void }).dispatch('r:e2e-wait', 0));
    await waitFor(async () => new URL(gmail.url()).hash === `#all/${HEX}`, { what: 'the Gmail tab to show the thread' });
    expect(l.context.pages().length).toBe(pagesBefore);
    const armed = await expectFollowUpWritten(gmail);
    await waitFor(async () => !(await notificationIds(l.worker)).includes('r:e2e-wait'), { what: 'the notification to go' });

    // Gmail's editor heard it as typing: trusted input events (inputType insertText, one per line, as Chromium's
    // execCommand fires them; it fires no beforeinput for execCommand), and its undo takes it back in one step.
    const events = await gmail.evaluate(() => (window as unknown as { __editorEvents: { type: string; inputType: string; data: string | null; trusted: boolean }[] }).__editorEvents);
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.type === 'input' && e.inputType === 'insertText' && e.trusted)).toBe(true);
    expect(events.flatMap((e) => (e.data ? [e.data] : []))).toEqual(['Hi Alice and Bob,', expect.stringMatching(/^I hope you are well\./), 'Best regards,']);
    const text = await editorOf(gmail).innerText();
    expect(await gmail.evaluate(() => (document.execCommand('undo'), document.querySelector<HTMLElement>('.ip.adB [role=textbox]')!.innerText.trim()))).toBe('');
    expect(await gmail.evaluate(() => (document.execCommand('redo'), document.querySelector<HTMLElement>('.ip.adB [role=textbox]')!.innerText))).toBe(text);

    // Nothing was sent by itself.
    expect(await gmail.evaluate(() => (window as unknown as { __sends: number }).__sends)).toBe(0);
    expect((await readReminders(ext)).find((r) => r.id === 'e2e-wait')).toMatchObject({ status: 'notified' });
    const axe = await axeViolations(gmail);
    expect(axe.filter((v) => JSON.stringify(v.nodes).includes('follow-through')), formatViolations('Gmail with the armed follow-up', axe)).toEqual([]);

    // Send: the same reminder waits again, for the step the compose showed.
    await gmail.locator(`.ip.adB ${SEND}`).click();
    const rearmed = await waitFor(async () => {
      const r = (await readReminders(ext)).find((x) => x.id === 'e2e-wait');
      return r?.status === 'pending' ? r : undefined;
    }, { what: 'the follow-up send to re-arm the reminder' });
    expect(rearmed.dueAt).toBe(armed.at);
    // The chain's next step: follow-up 1 recorded on the same reminder (i11-chain's background).
    expect(rearmed.chain?.sent).toHaveLength(1);
    expect((await readReminders(ext)).filter((r) => r.kind === 'no-reply')).toHaveLength(1);
    await expect.poll(async () => (await gmail.locator('[gh=mtb] follow-through-control').getByRole('button').first().textContent())?.replace(/[\u2068\u2069]/g, '')).toMatch(/^Reminder: /);

    // Bob answers the follow-up: the reminder (and with it the whole chain) is resolved.
    threads.set(HEX, [
      { from: { email: ACCOUNT }, to: [ALICE, BOB], at: sentAt },
      { from: { email: ACCOUNT }, to: [ALICE, BOB], at: Date.now() - 60_000 },
      { from: BOB, to: [{ email: ACCOUNT }], at: Date.now() },
    ]);
    const { reminder } = await sendOk(ext, 'reminder.checkNow', { id: 'e2e-wait' });
    expect(reminder).toMatchObject({ status: 'replied', resolution: { by: { email: BOB.email } } });
    expect(l.blocked).toEqual([]);
  });

  it('from the popup (keyboard): "Write follow-up" fills the reply in the open Gmail tab; the dialog is axe clean', async () => {
    const { l, gmail } = await dueReminder();
    const popup = await openExtensionPage(l, 'src/popup/index.html');
    await popup.getByRole('group', { name: 'Reminders' }).waitFor();
    await popup.locator('.row[data-id="e2e-wait"]').focus();
    await popup.keyboard.press('.');
    await expect.poll(() => popup.evaluate(() => document.activeElement?.textContent)).toBe('Write follow-up');
    const violations = await axeViolations(popup);
    expect(violations, formatViolations('popup actions with Write follow-up', violations)).toEqual([]);
    const pagesBefore = l.context.pages().length;
    await popup.keyboard.press('Enter');
    await waitFor(async () => new URL(gmail.url()).hash === `#all/${HEX}`, { what: 'the Gmail tab to show the thread' });
    await expectFollowUpWritten(gmail);
    expect(l.context.pages().length).toBe(pagesBefore);
    expect(l.blocked).toEqual([]);
  });

  it('from the thread\'s own control, in German: the reply opens right in this tab, in the German template (Sie), armed "Follow-up 1 von 3"', async () => {
    const { l, gmail, ext } = await dueReminder('de');
    const pagesBefore = l.context.pages().length;
    const toolbar = gmail.locator('[gh=mtb] follow-through-control');
    // The control of a due reminder: its menu offers "Follow-up schreiben" first.
    await gmail.reload();
    await toolbar.getByRole('button').first().click();
    const items = toolbar.locator('.menu button.item');
    await expect.poll(() => items.first().textContent()).toBe('Follow-up schreiben');
    await items.first().click();
    await editorOf(gmail).waitFor();
    await expect.poll(() => editorOf(gmail).innerText(), { timeout: 10_000 }).toMatch(/\S/);
    const text = await editorOf(gmail).innerText();
    // The friendly German built-in in "Sie", greeting both by their full names, the date in German.
    expect(text).toMatch(/^Guten Tag Alice Example und Bob Builder,\n+ich hoffe, es geht Ihnen gut\. Ich möchte freundlich an meine E-Mail vom \d+\. \w+ erinnern – hatten Sie schon Gelegenheit/);
    expect(text).not.toMatch(/\b(du|dich|dir|dein)\b/i);
    expect(await gmail.evaluate(() => (window as unknown as { __replyVia?: string }).__replyVia)).toBe('ams bkI');
    const armed = await armedOf(gmail);
    await expect.poll(() => buttonText(gmail)).toBe(`Follow-up 1 von 3 · ${armed.label}`);
    expect(l.context.pages().length).toBe(pagesBefore);
    expect(new URL(gmail.url()).hash).toBe('#inbox');
    expect((await readReminders(ext)).find((r) => r.id === 'e2e-wait')).toMatchObject({ status: 'notified' });
    expect(l.blocked).toEqual([]);
  });
});
