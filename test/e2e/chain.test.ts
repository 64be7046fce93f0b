/**
 * Follow-up chains in real Chromium on the Gmail fixtures: a reminder waits
 * for Bob; the user sends an armed reply in the thread → the same reminder
 * records follow-up 1 of 3 and waits for the due the compose carried; the
 * popup shows the position and the history (axe clean, light and dark,
 * screenshots into docs/screenshots/); a reply from Bob (routed print view)
 * ends the whole chain.
 */
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PageMessage } from '../fixtures/gmail/print-view/page';
import { axeViolations, closedAfterEach, formatViolations, launch, openExtensionPage, readReminders, sendOk, stopServiceWorkers, waitFor } from './harness';
import { gmailRoutes, printViewRoutes, syncSample } from './gmail-pages';
import { previewOf, SEND, sendInlineReplyIn1Week, utcWithoutWorkingHours } from './gmail-session';
import { ACCOUNT, HEX, receivedThread } from './thread-pages';

const track = closedAfterEach();
const DAY = 86_400_000;
const BOB = { email: 'bob@example.com', name: 'Bob Builder' };
const toolbar = (page: Page) => page.locator('[gh=mtb] follow-through-control');
const SHOTS = 'docs/screenshots';

describe('a follow-up chain in Gmail', () => {
  it('an armed reply in the thread is follow-up 1 of 3 on the same reminder; the popup shows it; a reply from Bob ends the chain', async () => {
    const originalAt = Date.now() - 4 * DAY;
    const threads = new Map<string, PageMessage[]>([[HEX, [{ from: { email: ACCOUNT }, to: [BOB], at: originalAt }]]]);
    const printView = printViewRoutes(threads, 'UTC');
    const gmail = gmailRoutes({ '/mail/u/0/': receivedThread() }, syncSample('cvOnReplySend_2_response'));
    const l = await launch({ mail: (route, request) => (new URL(request.url()).searchParams.get('view') === 'pt' ? printView(route, request) : gmail(route, request)) });
    track(l);
    const ext = await openExtensionPage(l);
    await utcWithoutWorkingHours(ext);

    // The user's message to Bob four days ago, waiting for an answer; new reminders repeat until answered.
    const { reminder: original } = await sendOk(ext, 'reminder.create', {
      id: 'e2e-chain',
      account: ACCOUNT,
      thread: { provider: 'gmail', threadId: HEX, subject: 'Quarterly numbers', recipients: [BOB] },
      sentAt: originalAt,
      due: { at: Date.now() + DAY },
    });
    expect(original.chain).toEqual({ repeat: true, steps: [3, 7, 14], cap: 3, sent: [] });

    // In Gmail: reply inline, armed with "In 1 week", and send.
    const page = await l.context.newPage();
    await page.goto('https://mail.google.com/mail/u/0/#inbox/' + HEX);
    await toolbar(page).getByRole('button').first().waitFor();
    const expected = await sendInlineReplyIn1Week(l, page);

    const followedUp = await waitFor(async () => {
      const all = await readReminders(ext);
      const r = all.find((x) => x.id === 'e2e-chain');
      return r?.chain?.sent.length === 1 ? { all, r } : undefined;
    }, { what: 'the follow-up recorded on the reminder' });
    // The same reminder (no second one), waiting for the due the compose carried.
    expect(followedUp.all.map((r) => r.id)).toEqual(['e2e-chain']);
    expect(followedUp.r).toMatchObject({ status: 'pending', dueAt: expected.at, chain: { repeat: true, cap: 3 } });
    expect(followedUp.r.history.at(-1)).toMatchObject({ to: 'pending', cause: 'follow-up' });

    // The worker is killed and the compose's create arrives again (its hand-over after an update does this): nothing twice.
    await stopServiceWorkers(ext);
    const sent = followedUp.r.chain!.sent[0]!;
    expect(sent.clientId).toBeTruthy();
    const again = await sendOk(ext, 'reminder.create', {
      id: sent.clientId!,
      account: ACCOUNT,
      thread: { ...followedUp.r.thread, ...(sent.messageId ? { messageId: sent.messageId } : {}) },
      sentAt: sent.at,
      due: { at: expected.at },
    });
    expect(again.outcome).toBe('existing');
    expect((await readReminders(ext)).find((r) => r.id === 'e2e-chain')).toEqual(followedUp.r);

    // The thread control shows where the chain stands and the toggle.
    await toolbar(page).getByRole('button').first().click();
    await expect.poll(() => toolbar(page).getByText('Follow-up 1 of 3').isVisible()).toBe(true);
    expect(await toolbar(page).getByRole('button', { name: 'Stop repeating' }).isVisible()).toBe(true);
    await page.keyboard.press('Escape');

    // The popup: position on the row, the history behind a disclosure in its actions.
    const popup = await openExtensionPage(l, 'src/popup/index.html');
    await popup.setViewportSize({ width: 440, height: 420 });
    await popup.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    const row = popup.locator('.row[data-id="e2e-chain"]');
    await expect.poll(() => row.locator('.chain').textContent()).toBe('Follow-up 1 of 3');
    const rowViolations = await axeViolations(popup);
    expect(rowViolations, formatViolations('popup with a chain', rowViolations)).toEqual([]);
    mkdirSync(SHOTS, { recursive: true });
    await popup.screenshot({ path: `${SHOTS}/popup-chain-list-light.png` });
    await popup.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
    const listDark = await axeViolations(popup);
    expect(listDark, formatViolations('popup with a chain (dark)', listDark)).toEqual([]);
    await popup.screenshot({ path: `${SHOTS}/popup-chain-list-dark.png` });
    await popup.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    await row.getByRole('button', { name: /More actions/ }).click();
    const dialog = popup.getByRole('dialog');
    // Keyboard: Tab reaches the disclosure, Enter opens it.
    const summary = dialog.locator('summary');
    await summary.focus();
    await popup.keyboard.press('Enter');
    await expect.poll(() => dialog.locator('details').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await dialog.locator('.chain-history li').allTextContents()).toEqual([expect.stringMatching(/^Follow-up 1: /)]);
    expect(await dialog.getByRole('list', { name: 'Follow-ups sent (1)' }).count()).toBe(1);
    const light = await axeViolations(popup);
    expect(light, formatViolations('popup chain view (light)', light)).toEqual([]);
    await popup.mouse.move(0, 0);
    await popup.screenshot({ path: `${SHOTS}/popup-chain-light.png` });
    await popup.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
    const dark = await axeViolations(popup);
    expect(dark, formatViolations('popup chain view (dark)', dark)).toEqual([]);
    await popup.screenshot({ path: `${SHOTS}/popup-chain-dark.png` });
    await popup.keyboard.press('Escape');

    // Bob answers: the print view shows it, and the whole chain ends.
    threads.set(HEX, [
      { from: { email: ACCOUNT }, to: [BOB], at: originalAt },
      { from: BOB, to: [{ email: ACCOUNT }], at: Date.now() - 60_000 },
    ]);
    const { reminder: replied } = await sendOk(ext, 'reminder.checkNow', { id: 'e2e-chain' });
    expect(replied).toMatchObject({ status: 'replied', resolution: { kind: 'reply', by: { email: BOB.email } } });
    expect(replied.chain?.sent).toHaveLength(1);
    await popup.reload();
    await expect.poll(() => popup.locator('.row[data-id="e2e-chain"] .chain').textContent()).toBe('Answered after 1 follow-up — chain ended');
    expect(l.blocked).toEqual([]);
  });

  it('with repeat on, an unarmed reply in the thread (seen through Gmail\'s send response) records the follow-up and re-arms the next step', async () => {
    const originalAt = Date.now() - 4 * DAY;
    const printView = printViewRoutes(new Map([[HEX, [{ from: { email: ACCOUNT }, to: [BOB], at: originalAt }]]]), 'UTC');
    const gmail = gmailRoutes({ '/mail/u/0/': receivedThread() }, syncSample('cvOnReplySend_2_response'));
    const l = await launch({ mail: (route, request) => (new URL(request.url()).searchParams.get('view') === 'pt' ? printView(route, request) : gmail(route, request)) });
    track(l);
    const ext = await openExtensionPage(l);
    await utcWithoutWorkingHours(ext);
    await sendOk(ext, 'reminder.create', {
      id: 'e2e-unarmed',
      account: ACCOUNT,
      thread: { provider: 'gmail', threadId: HEX, subject: 'Quarterly numbers', recipients: [BOB] },
      sentAt: originalAt,
      due: { at: Date.now() + DAY },
    });

    const page = await l.context.newPage();
    await page.goto('https://mail.google.com/mail/u/0/#inbox/' + HEX);
    await toolbar(page).getByRole('button').first().waitFor();
    await page.locator('.amn [role=link]').first().click();
    await page.locator(`.ip.adB ${SEND}`).click();

    const r = await waitFor(async () => {
      const found = (await readReminders(ext)).find((x) => x.id === 'e2e-unarmed');
      return found?.chain?.sent.length === 1 ? found : undefined;
    }, { what: 'the unarmed reply recorded as follow-up 1' });
    // Follow-up 1 waits steps[1] = 7 days (the capture's send time is years old, so it counts from now).
    expect(r).toMatchObject({ status: 'pending', dueAt: (await previewOf(l, 'in-1-week')).at });
    expect(r.chain!.sent[0]!.messageId).toMatch(/^<.+>$/);
    expect((await readReminders(ext)).map((x) => x.id)).toEqual(['e2e-unarmed']);
    // Gmail says that the send re-armed the chain, and until when.
    await expect
      .poll(() => page.locator('follow-through-toast').evaluate((h) => h.shadowRoot?.querySelector('.toast')?.textContent ?? '').catch(() => ''))
      .toMatch(/^Follow-Through: follow-up 1 of 3 recorded — next reminder .+ if no reply$/);

    // The thread control shows the position; "Stop repeating" there turns it off in one click.
    await toolbar(page).getByRole('button').first().click();
    await expect.poll(() => toolbar(page).getByText('Follow-up 1 of 3').isVisible()).toBe(true);
    await toolbar(page).getByRole('button', { name: 'Stop repeating' }).click();
    await waitFor(async () => ((await readReminders(ext)).find((x) => x.id === 'e2e-unarmed')?.chain?.repeat === false ? true : undefined), { what: 'repeating turned off' });
    await toolbar(page).getByRole('button').first().click();
    await expect.poll(() => toolbar(page).getByRole('button', { name: 'Repeat until answered' }).isVisible()).toBe(true);
    expect(l.blocked).toEqual([]);
  });
});
