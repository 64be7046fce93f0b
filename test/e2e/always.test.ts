/**
 * "Remind me regardless" (kind `always`) in real Chromium on the Gmail
 * fixtures: armed from the keyboard in a compose, stored with its kind on
 * Send; a print view that shows a reply resolves the "if no reply" reminder
 * of the same thread while the "always" one fires at its due time (and no
 * request is spent on it); the popup labels it; axe finds nothing.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { PageMessage } from '../fixtures/gmail/print-view/page';
import { axeViolations, closedAfterEach, formatViolations, launch, notificationIds, openExtensionPage, readReminders, sendOk, waitFor, type AxeViolation, type Launched } from './harness';
import { gmailRoutes, printViewRoutes, syncSample } from './gmail-pages';
import { threadWithoutReply } from './thread-pages';
import { control, createdNotifications, INBOX, newCompose, previewOf, recordNotifications, remindButton, SEND, utcWithoutWorkingHours } from './gmail-session';

const ACCOUNT = 'test@gmail.com';
/** The thread Gmail's cvOnSend response names for the compose fixture. */
const HEX = '183234ce86ffa010';

/** Browsers launched by a test are closed, and their profiles removed, after it. */
const track = closedAfterEach();

const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe over our control only (its shadow root included): the fixture's own Gmail markup is not ours to judge. */
async function controlViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${readFileSync(AXE_SOURCE, 'utf8')}\n;void 0`);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Element, opts: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const host = document.querySelector('follow-through-control')!;
    const result = await axe.run(host, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

const focusedInControl = (page: Page) =>
  control(page).evaluate((host) => {
    const el = host.shadowRoot?.activeElement as HTMLElement | null | undefined;
    return el ? { tag: el.tagName, type: (el as HTMLInputElement).type, text: el.closest('label')?.textContent ?? el.textContent, checked: (el as HTMLInputElement).checked } : undefined;
  });

async function reminders(l: Launched) {
  const ext = await openExtensionPage(l);
  try {
    return await readReminders(ext);
  } finally {
    await ext.close();
  }
}

describe('"Remind me regardless" in Gmail', () => {
  it('armed from the keyboard in a compose and sent: stored as kind "always"; a reply in the print view resolves the "if no reply" reminder of the thread while the "always" one fires', async () => {
    const sentAt = Date.now() - 2 * 3_600_000;
    const threads = new Map<string, PageMessage[]>([
      [
        HEX,
        [
          { from: { email: ACCOUNT, name: 'Me' }, to: [{ email: 'test+1@gmail.com' }], at: sentAt },
          { from: { email: 'test+1@gmail.com', name: 'Test Test' }, to: [{ email: ACCOUNT }], at: sentAt + 3_600_000 },
        ],
      ],
    ]);
    const looked: string[] = [];
    const printView = printViewRoutes(threads, 'UTC', looked);
    const gmail = gmailRoutes({ '/mail/u/0/': newCompose() }, syncSample('cvOnSend_response'));
    const l = await launch({ mail: (route, request) => (new URL(request.url()).searchParams.get('view') === 'pt' ? printView(route, request) : gmail(route, request)) });
    track(l);
    const page = await l.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(INBOX);

    // Keyboard only: open the menu (focus on the first preset), Shift+Tab to the kind, an arrow to "Regardless", Tab back, Enter.
    await remindButton(page).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedInControl(page)).toMatchObject({ tag: 'BUTTON', text: expect.stringMatching(/^Tomorrow/) });
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => focusedInControl(page)).toMatchObject({ type: 'radio', text: 'If no reply', checked: true });
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => focusedInControl(page)).toMatchObject({ type: 'radio', text: 'Regardless', checked: true });
    const menuViolations = await controlViolations(page);
    expect(menuViolations, formatViolations('compose picker with the kind choice', menuViolations)).toEqual([]);
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedInControl(page)).toMatchObject({ tag: 'BUTTON', text: expect.stringMatching(/^Tomorrow/) });
    await page.keyboard.press('Enter');
    const expected = await previewOf(l, 'tomorrow');
    const buttonText = () => control(page).getByRole('button').first().textContent().then((s) => s?.replace(/[\u2068\u2069]/g, ''));
    await expect.poll(buttonText).toBe(`Regardless: ${expected.label}`);
    expect(await control(page).getByRole('button').first().getAttribute('title')).toBe('Remind me regardless of replies');
    const armedViolations = await controlViolations(page);
    expect(armedViolations, formatViolations('compose control armed regardless', armedViolations)).toEqual([]);

    await page.locator(SEND).click();
    const [always] = await waitFor(async () => {
      const all = await reminders(l);
      return all.length === 1 ? all : undefined;
    }, { what: 'the reminder stored on Send' });
    expect(always).toMatchObject({ account: ACCOUNT, kind: 'always', status: 'pending', dueAt: expected.at, thread: { threadId: HEX, subject: 'subject_111' } });
    await expect.poll(() => page.locator('follow-through-toast').first().evaluate((el) => el.shadowRoot?.textContent ?? '')).toContain('regardless of replies');

    // The print view of the thread shows their reply. Both reminders of the thread come due within seconds.
    const ext = await openExtensionPage(l);
    await utcWithoutWorkingHours(ext);
    await recordNotifications(l);
    const due = Date.now() + 3_000;
    await sendOk(ext, 'reminder.updateDue', { id: always!.id, due: { at: due } });
    await sendOk(ext, 'reminder.create', { id: 'e2e-no-reply', account: ACCOUNT, thread: always!.thread, sentAt: always!.sentAt, due: { at: due } });

    const after = await waitFor(async () => {
      const all = Object.fromEntries((await readReminders(ext)).map((r) => [r.id, r]));
      return all[always!.id]?.status === 'notified' && all['e2e-no-reply']?.status === 'replied' ? all : undefined;
    }, { what: 'the "always" reminder to fire and the "if no reply" one to resolve', timeout: 30_000 });
    expect(after['e2e-no-reply']).toMatchObject({ resolution: { kind: 'reply', by: { email: 'test+1@gmail.com' }, source: 'print-view' } });
    expect(after[always!.id]!.resolution).toBeUndefined();
    expect(after[always!.id]!.check).toBeUndefined();
    // One look for the thread, made for the "if no reply" reminder; none for the "always" one.
    expect(looked.filter((u) => u.includes(`th=${HEX}`))).toHaveLength(1);

    await expect.poll(() => notificationIds(l.worker)).toEqual([`r:${always!.id}`]);
    const created = await createdNotifications(l);
    expect(created.map(([id]) => id)).toEqual([`r:${always!.id}`]);
    expect(created[0]![1]).toMatchObject({ title: 'Reminder: subject_111', message: 'To Test Test', buttons: [{ title: 'Open thread' }, { title: 'Snooze' }] });
    expect(await l.worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('1');

    // The popup lists it with its label; its actions hold no reply verdicts; axe is clean.
    const popup = await openExtensionPage(l, 'src/popup/index.html');
    await popup.getByRole('group', { name: 'Reminders' }).waitFor();
    const row = popup.locator(`.row[data-id="${always!.id}"]`);
    await expect.poll(() => row.locator('.status').textContent()).toBe('Regardless of replies');
    const listViolations = await axeViolations(popup);
    expect(listViolations, formatViolations('popup with a reminder regardless of replies', listViolations)).toEqual([]);
    await row.locator('button.more').click();
    const dialog = popup.getByRole('dialog');
    await dialog.waitFor();
    const actions = await dialog.getByRole('button').allTextContents();
    expect(actions).toContain('Snooze…');
    expect(actions).not.toContain('Check for replies now');
    expect(actions).not.toContain("That wasn't a real reply");
    const dialogViolations = await axeViolations(popup);
    expect(dialogViolations, formatViolations('actions of a reminder regardless of replies', dialogViolations)).toEqual([]);

    expect(errors).toEqual([]);
    // Nothing left the machine; the only request stopped is the fixture page's own Gmail image.
    expect(l.blocked.filter((u) => !u.startsWith('https://ssl.gstatic.com/'))).toEqual([]);
  });

  it('from the thread toolbar: "Regardless" stores kind "always"; the open tab showing their messages never resolves it; the control says what it is and what ends it', async () => {
    const thread = threadWithoutReply({ syncRequest: syncSample('cvOnReplySend_2_request') });
    const l = await launch({ mail: gmailRoutes({ '/mail/u/0/': thread }) });
    track(l);
    const page = await l.context.newPage();
    await page.goto(INBOX);
    const toolbar = page.locator('[gh=mtb] follow-through-control');
    await toolbar.getByRole('button').first().click();
    await toolbar.getByRole('radio', { name: 'Regardless' }).check();
    await toolbar.getByRole('button', { name: /^Tomorrow/ }).click();
    const expected = await previewOf(l, 'tomorrow');
    const [stored] = await waitFor(async () => {
      const all = await reminders(l);
      return all.length === 1 ? all : undefined;
    }, { what: 'the reminder added from the toolbar' });
    expect(stored).toMatchObject({ kind: 'always', status: 'pending', dueAt: expected.at, thread: { threadId: '18333b13345c3a42' } });

    // An "if no reply" reminder of the same thread, for mail sent before the messages the thread shows.
    const ext = await openExtensionPage(l);
    await sendOk(ext, 'reminder.create', { id: 'e2e-tab-no-reply', account: 'test@streak.com', thread: stored!.thread, sentAt: 1_500_000_000_000, due: { at: Date.now() + 86_400_000 } });

    // Shown again in a fresh tab: the tab reports the thread's messages (others wrote in it): that resolves the
    // "if no reply" reminder, and leaves the "always" one as it was.
    await page.reload();
    const resolved = await waitFor(async () => {
      const r = (await readReminders(ext)).find((x) => x.id === 'e2e-tab-no-reply');
      return r?.status === 'replied' ? r : undefined;
    }, { what: 'the open tab to resolve the "if no reply" reminder' });
    expect(resolved.resolution).toMatchObject({ source: 'gmail-tab' });
    const text = () => toolbar.getByRole('button').first().textContent().then((s) => s?.replace(/[\u2068\u2069]/g, ''));
    await expect.poll(text).toBe(`Regardless: ${expected.label}`);
    await toolbar.getByRole('button').first().click();
    await expect.poll(() => toolbar.getByText(/^Reminder \(regardless of replies\)\. It comes at its time whatever anyone writes/).isVisible()).toBe(true);
    const violations = await controlViolations(page);
    expect(violations, formatViolations('thread control of a reminder regardless of replies', violations)).toEqual([]);
    const after = (await readReminders(ext)).find((r) => r.id === stored!.id);
    expect(after).toMatchObject({ id: stored!.id, status: 'pending', rev: stored!.rev });
    expect(after!.check).toBeUndefined();
  });
});
