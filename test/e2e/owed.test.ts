/**
 * "I owe a reply" in real Chromium on the Gmail fixtures: arm a received
 * thread from its toolbar, answer it inline (the send resolves it, nothing
 * notifies), let an unanswered one fire, and work the popup's "To answer"
 * section from the keyboard, whose "Reply now" opens the thread's reply.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PageMessage } from '../fixtures/gmail/print-view/page';
import { axeViolations, closedAfterEach, currentWorker, formatViolations, launch, notificationIds, openExtensionPage, readReminders, sendOk, waitFor, type Launched, type MailRouteHandler } from './harness';
import { gmailRoutes, printViewRoutes, syncSample } from './gmail-pages';
import { createdNotifications, previewOf, recordNotifications, SEND, sendInlineReplyIn1Week, utcWithoutWorkingHours } from './gmail-session';

import { ACCOUNT, HEX, PERM, receivedThread } from './thread-pages';

/** Browsers launched by a test are closed, and their profiles removed, after it. */
const track = closedAfterEach();

async function start(mail: MailRouteHandler) {
  const l = await launch({ mail });
  track(l);
  return l;
}

const toolbar = (page: Page) => page.locator('[gh=mtb] follow-through-control');
const owedReminders = async (l: Launched) => {
  const ext = await openExtensionPage(l);
  try {
    return (await readReminders(ext)).filter((r) => r.kind === 'owed-reply');
  } finally {
    await ext.close();
  }
};

describe('"I owe a reply" in Gmail', () => {
  it('arms a received thread from its toolbar; the inline reply sent there resolves it, and nothing notifies', async () => {
    const pages = { '/mail/u/0/': receivedThread() };
    const l = await start(gmailRoutes(pages, syncSample('cvOnReplySend_2_response')));
    const page = await l.context.newPage();
    await page.goto('https://mail.google.com/mail/u/0/#inbox/' + HEX);

    // The newest message is Bob's: the toolbar offers "Remind me to reply", explained.
    const button = toolbar(page).getByRole('button', { name: 'Remind me to reply', exact: true });
    await expect.poll(() => button.getAttribute('title')).toBe('Remind me to reply to this thread');
    await button.click();
    await expect.poll(() => toolbar(page).getByText(/Remind me to answer .Bob Builder. unless I have by then/).isVisible()).toBe(true);
    await toolbar(page).getByRole('button', { name: /^Tomorrow/ }).click();
    const expected = await previewOf(l, 'tomorrow');

    const [owed] = await waitFor(async () => {
      const found = await owedReminders(l);
      return found.length === 1 ? found : undefined;
    }, { what: 'the owed reply' });
    expect(owed).toMatchObject({
      account: ACCOUNT,
      kind: 'owed-reply',
      status: 'pending',
      dueAt: expected.at,
      thread: { threadId: HEX, permThreadId: PERM, recipients: [{ email: 'bob@example.com', name: 'Bob Builder' }, { email: 'me@example.com' }, { email: 'alice@example.com' }] },
    });
    // Bob's message came when its legacy id says, not when the user clicked.
    expect(owed!.sentAt).toBe(Number(BigInt('0x15f11a9e4b7c0a55') >> 20n));
    const shown = async () => (await toolbar(page).getByRole('button').first().textContent())?.replace(/[\u2068\u2069]/g, '');
    await expect.poll(shown).toBe(`Reply by: ${expected.label}`);

    // The user answers inline (not armed): Gmail's send response names the thread, the owed reply is answered.
    await page.locator('.amn [role=link]').first().click();
    await page.locator(`.ip.adB ${SEND}`).click();
    const answered = await waitFor(async () => {
      const [r] = await owedReminders(l);
      return r?.status === 'replied' ? r : undefined;
    }, { what: 'the send to answer the owed reply' });
    expect(answered.resolution).toMatchObject({ kind: 'answered', source: 'compose' });
    await expect.poll(shown).toMatch(/^Answered: /);
    expect(await notificationIds(l.worker)).toEqual([]);
    expect(l.blocked).toEqual([]);
  });

  it('owed, then answered with an armed reply: the same thread now waits for their answer', async () => {
    const l = await start(gmailRoutes({ '/mail/u/0/': receivedThread() }, syncSample('cvOnReplySend_2_response')));
    const page = await l.context.newPage();
    await page.goto('https://mail.google.com/mail/u/0/#inbox/' + HEX);
    await toolbar(page).getByRole('button', { name: 'Remind me to reply', exact: true }).click();
    await toolbar(page).getByRole('button', { name: /^In 2 days/ }).click();
    await waitFor(async () => ((await owedReminders(l)).length === 1 ? true : undefined), { what: 'the owed reply' });

    // Reply inline, armed with "remind me if no reply".
    const expected = await sendInlineReplyIn1Week(l, page);

    const ext = await openExtensionPage(l);
    const both = await waitFor(async () => {
      const all = await readReminders(ext);
      return all.length === 2 && all.some((r) => r.kind === 'no-reply') ? all : undefined;
    }, { what: 'the follow-up stored beside the answered owed reply' });
    expect(both.find((r) => r.kind === 'owed-reply')).toMatchObject({ status: 'replied', resolution: { kind: 'answered', source: 'compose' } });
    expect(both.find((r) => r.kind === 'no-reply')).toMatchObject({ status: 'pending', dueAt: expected.at, thread: { threadId: HEX } });
    // The toolbar shows the one now active, and explains it.
    const shown = async () => (await toolbar(page).getByRole('button').first().textContent())?.replace(/[\u2068\u2069]/g, '');
    await expect.poll(shown).toBe(`Reminder: ${expected.label}`);
    await toolbar(page).getByRole('button').first().click();
    await expect.poll(() => toolbar(page).getByText('Waiting for a reply. This ends when someone answers.').isVisible()).toBe(true);
    expect(await notificationIds(l.worker)).toEqual([]);
  });

  it('Alt+Shift+R in a received thread arms "remind me to reply" with the default delay', async () => {
    const l = await start(gmailRoutes({ '/mail/u/0/': receivedThread() }));
    const page = await l.context.newPage();
    await page.goto('https://mail.google.com/mail/u/0/#inbox/' + HEX);
    await toolbar(page).getByRole('button', { name: 'Remind me to reply', exact: true }).waitFor();
    // What the background's commands.onCommand handler does for Alt+Shift+R.
    const worker = await currentWorker(l.context);
    await worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      await chrome.tabs.sendMessage(tab!.id!, { v: 1, type: 'content.arm' });
    });
    const expected = await previewOf(l, 'in-3-days');
    const [owed] = await waitFor(async () => {
      const found = await owedReminders(l);
      return found.length === 1 ? found : undefined;
    }, { what: 'the owed reply armed from the keyboard' });
    expect(owed).toMatchObject({ kind: 'owed-reply', dueAt: expected.at, thread: { threadId: HEX, recipients: [{ email: 'bob@example.com' }, { email: 'me@example.com' }, { email: 'alice@example.com' }] } });
    await expect.poll(async () => (await toolbar(page).getByRole('button').first().textContent())?.replace(/[\u2068\u2069]/g, '')).toBe(`Reply by: ${expected.label}`);
  });

  it('unanswered, it fires as "You owe … a reply"; the popup\'s To answer section lists it, and Reply now (keyboard) opens the reply in Gmail', async () => {
    const received = Date.now() - 3 * 3_600_000;
    const threads = new Map<string, PageMessage[]>([
      [HEX, [{ from: { email: 'bob@example.com', name: 'Bob Builder' }, to: [{ email: ACCOUNT }], at: received }]],
    ]);
    const printView = printViewRoutes(threads, 'UTC');
    const gmail = gmailRoutes({ '/mail/u/0/': receivedThread(), '/mail/': receivedThread() });
    const l = await start((route, request) => (new URL(request.url()).searchParams.get('view') === 'pt' ? printView(route, request) : gmail(route, request)));
    const ext = await openExtensionPage(l);
    await utcWithoutWorkingHours(ext);
    await recordNotifications(l);
    await sendOk(ext, 'reminder.create', {
      id: 'e2e-owed',
      account: ACCOUNT,
      kind: 'owed-reply',
      thread: { provider: 'gmail', threadId: HEX, subject: 'Quarterly numbers', recipients: [{ email: 'bob@example.com', name: 'Bob Builder' }] },
      sentAt: received,
      due: { at: Date.now() + 3_000 },
    });
    await waitFor(async () => (await readReminders(ext)).find((r) => r.id === 'e2e-owed')?.status === 'notified', { what: 'the owed reply to fire', timeout: 30_000 });
    await expect.poll(() => notificationIds(l.worker)).toEqual(['r:e2e-owed']);
    const created = await createdNotifications(l);
    expect(created.map(([id]) => id)).toEqual(['r:e2e-owed']);
    expect(created[0]![1]).toMatchObject({ title: 'You owe Bob Builder a reply', message: 'Quarterly numbers', buttons: [{ title: 'Reply now' }, { title: 'Snooze' }] });

    // The popup: its own section and count; the row says who waits.
    const popup = await openExtensionPage(l, 'src/popup/index.html');
    await popup.getByRole('group', { name: 'Reminders' }).waitFor();
    await expect.poll(() => popup.locator('h2.section').first().textContent()).toContain('To answer');
    const rowEl = popup.locator('.row[data-id="e2e-owed"]');
    expect(await rowEl.getAttribute('data-section')).toBe('answer');
    expect(await rowEl.getAttribute('aria-label')).toMatch(/^Quarterly numbers, from Bob Builder, /);
    // Search finds it by who waits.
    await popup.keyboard.press('/');
    await popup.keyboard.type('bob');
    await expect.poll(() => popup.locator('.row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')))).toEqual(['e2e-owed']);

    // Keyboard only: into the list, "." opens the row's actions, the first is "Reply now".
    await popup.keyboard.press('ArrowDown');
    await expect.poll(() => popup.evaluate(() => document.activeElement?.closest<HTMLElement>('.row')?.dataset.id)).toBe('e2e-owed');
    await popup.keyboard.press('.');
    const dialog = popup.getByRole('dialog');
    await expect.poll(() => popup.evaluate(() => document.activeElement?.textContent)).toBe('Reply now');
    const violations = await axeViolations(popup);
    expect(violations, formatViolations('popup with To answer and its actions', violations)).toEqual([]);
    const [tab] = await Promise.all([l.context.waitForEvent('page'), popup.keyboard.press('Enter')]);
    expect(await dialog.count()).toBe(0);
    // The thread opens in its account, and Gmail's own reply opens in it, its editor focused.
    await tab.waitForURL(`https://mail.google.com/mail/?authuser=${encodeURIComponent(ACCOUNT)}#all/${HEX}`);
    await tab.locator('.ip.adB [role=textbox]').waitFor();
    expect(await tab.evaluate(() => (window as unknown as { __replyClicks?: number }).__replyClicks)).toBe(1);
    await expect.poll(() => tab.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('textbox');
    // Taken once: reloading the thread does not open another reply.
    await tab.reload();
    await toolbar(tab).waitFor();
    await tab.waitForTimeout(500);
    expect(await tab.evaluate(() => (window as unknown as { __replyClicks?: number }).__replyClicks ?? 0)).toBe(0);
    expect(l.blocked).toEqual([]);
  });
});
