/**
 * Times mean what the user typed, in real Chromium on the Gmail fixtures:
 * a relative time counts from the send, a passed absolute time is refused
 * in the compose before anything is sent, and Gmail's "Schedule send"
 * stores its reminder from the scheduled time (or says it could not).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openExtensionPage, readReminders, sleep } from './harness';
import { syncSample } from './gmail-pages';
import { closeAll, control, gmailWith, newCompose, remindButton, SEND, storedReminders } from './gmail-session';
import { scheduledCvOnSend } from '../fixtures/gmail/sync-scheduled';

afterEach(closeAll);

const HOUR = 3_600_000;
/**
 * The more-send arrow, then "Schedule send" in its menu. The fixture has no Gmail CSS, so the arrow and the menu
 * have no size to click on: the events are dispatched as a mouse would send them.
 */
async function chooseScheduleSend(page: Page) {
  const arrow = page.locator('.IZ .Up div[role=button][aria-haspopup=true]');
  for (const type of ['mousedown', 'mouseup', 'click']) await arrow.dispatchEvent(type, { button: 0, detail: 1 });
  const item = page.locator('[selector=scheduledSend]');
  for (const type of ['mousedown', 'mouseup', 'click']) await item.dispatchEvent(type, { button: 0, detail: 1 });
}

const toastText = (page: Page) => page.locator('follow-through-toast').first().evaluate((el) => el.shadowRoot?.querySelector('.toast')?.textContent ?? '');

async function typeTime(page: Page, text: string) {
  await control(page).getByRole('button').first().click(); // "Remind me", or "If no reply: …" when armed
  await control(page).getByLabel(/^Type a time/).fill(text);
  await expect.poll(() => control(page).getByRole('button', { name: 'Use this time' }).isEnabled()).toBe(true);
  await control(page).getByRole('button', { name: 'Use this time' }).click();
  await expect.poll(() => control(page).getByRole('button').first().textContent()).toMatch(/^If no reply: /);
}

describe('times mean what the user typed', () => {
  it('"in 2 hours" typed, then sent later, counts from the send', async () => {
    const { l, page, errors } = await gmailWith(newCompose({ closureButtons: true }), syncSample('cvOnSend_response'));
    await typeTime(page, 'in 2 hours');
    // The armed button keeps the user's words: they stay true however long the compose stays open.
    expect(await control(page).getByRole('button').first().textContent()).toBe('If no reply: \u2068in 2 hours\u2069');
    const typedBy = Date.now();
    await sleep(4_000); // the user keeps writing
    const sentFrom = Date.now();
    await page.locator(SEND).click();
    const [reminder] = await storedReminders(l, 1);
    // Counted from the typing it would be due by typedBy + 2 h; from the send it is at least sentFrom + 2 h.
    expect(reminder!.dueAt).toBeGreaterThanOrEqual(sentFrom + 2 * HOUR);
    expect(reminder!.dueAt).toBeGreaterThan(typedBy + 2 * HOUR + 3_000);
    expect(reminder!.dueAt).toBeLessThan(Date.now() + 2 * HOUR);
    expect(errors).toEqual([]);
  });

  it('an absolute time that passed before Send is refused in the compose: nothing sent, the reason shown, nothing lost', { timeout: 150_000 }, async () => {
    const { l, page, seen } = await gmailWith(newCompose({ closureButtons: true }), syncSample('cvOnSend_response'));
    await remindButton(page).waitFor();
    // The next full minute at least 10 s away, as the custom date-time field takes it (the browser's wall clock).
    const { local, at } = await page.evaluate(() => {
      const d = new Date(Date.now() + 10_000);
      d.setSeconds(0, 0);
      d.setMinutes(d.getMinutes() + 1);
      const pad = (n: number) => String(n).padStart(2, '0');
      return { local: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`, at: d.getTime() };
    });
    await remindButton(page).click();
    await control(page).getByLabel('Custom date and time').fill(local);
    await expect.poll(() => control(page).getByRole('button', { name: 'Use this time' }).isEnabled()).toBe(true);
    await control(page).getByRole('button', { name: 'Use this time' }).click();
    await expect.poll(() => control(page).getByRole('button').first().textContent()).toMatch(/^If no reply: /);

    await sleep(Math.max(0, at - Date.now()) + 1_000); // the chosen minute comes while the user is still writing
    await page.locator(SEND).click();
    const alert = control(page).getByRole('alert');
    await expect.poll(() => alert.textContent()).toMatch(/^The reminder time .+ has passed\. Pick a new time or remove the reminder, then send again\.$/);
    expect(await alert.isVisible()).toBe(true);
    // Ctrl+Enter is held back too.
    await page.locator('input[name=subjectbox]').focus();
    await page.keyboard.press('Control+Enter');
    await sleep(800);
    expect(seen.filter((s) => s.startsWith('POST /sync/'))).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __sends: number }).__sends)).toBe(0);
    expect(await page.locator('div.M9').count()).toBe(1); // the draft is still there, as written
    const ext = await openExtensionPage(l);
    expect(await readReminders(ext)).toEqual([]);

    // A new choice clears the message; Send goes through and stores the reminder.
    await typeTime(page, 'in 3 Tagen');
    expect(await alert.count()).toBe(0);
    await page.locator(SEND).click();
    const [reminder] = await storedReminders(l, 1);
    expect(reminder).toMatchObject({ status: 'pending', thread: { threadId: '183234ce86ffa010' } });
  });

  it('Schedule send stores the reminder counting from the scheduled time', async () => {
    const AT = Date.now() + 3 * 24 * HOUR;
    const scheduled = scheduledCvOnSend({ request: syncSample('cvOnSend_request'), response: syncSample('cvOnSend_response') }, AT);
    const { l, page, seen } = await gmailWith(newCompose({ scheduledRequest: scheduled.request }), scheduled.response);
    await typeTime(page, 'in 2 hours');
    await chooseScheduleSend(page);
    const [reminder] = await storedReminders(l, 1);
    expect(reminder).toMatchObject({ sentAt: AT, dueAt: AT + 2 * HOUR, thread: { threadId: '183234ce86ffa010' } });
    expect(seen.filter((s) => s.startsWith('POST /sync/'))).toHaveLength(1);
    await expect.poll(() => toastText(page)).toMatch(/^Follow-Through: scheduled send — reminder set for /);
  });

  it('Schedule send whose time cannot be read tells the user in Gmail that no reminder was set', async () => {
    const scheduled = scheduledCvOnSend({ request: syncSample('cvOnSend_request'), response: syncSample('cvOnSend_response') }, null);
    const { l, page } = await gmailWith(newCompose({ scheduledRequest: scheduled.request }), scheduled.response);
    await remindButton(page).click();
    await control(page).getByRole('button', { name: /^Tomorrow/ }).click();
    await chooseScheduleSend(page);
    await expect.poll(() => toastText(page)).toBe(
      'Follow-Through: no reminder was set for this scheduled mail (its send time could not be read). Add it from the thread under Scheduled.',
    );
    const ext = await openExtensionPage(l);
    expect(await readReminders(ext)).toEqual([]);
  });

  it('the controls follow a Gmail theme switch, light to dark and back, without a reload', async () => {
    const { page, errors } = await gmailWith(newCompose());
    await remindButton(page).waitFor();
    const textColour = () => control(page).evaluate((el) => getComputedStyle(el.shadowRoot!.querySelector('button.btn')!).color);
    expect(await control(page).getAttribute('data-theme')).toBe('light');
    expect(await textColour()).toBe('rgb(31, 31, 31)');
    // Gmail switches themes by swapping its stylesheets.
    await page.evaluate(() => {
      const sheet = Object.assign(document.createElement('style'), { id: 'gmail-theme', textContent: 'body { background-color: #202124; }' });
      document.head.append(sheet);
    });
    await expect.poll(() => control(page).getAttribute('data-theme')).toBe('dark');
    expect(await textColour()).toBe('rgb(227, 227, 227)');
    await page.evaluate(() => document.getElementById('gmail-theme')!.remove());
    await expect.poll(() => control(page).getAttribute('data-theme')).toBe('light');
    expect(errors).toEqual([]);
  });
});
