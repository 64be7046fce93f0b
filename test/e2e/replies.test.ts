import { describe, expect, it } from 'vitest';
import type { PageMessage } from '../fixtures/gmail/print-view/page';
import { closedAfterEach, launch, notificationIds, openExtensionPage, readReminders, sendOk, waitFor, type MailRouteHandler } from './harness';
import { bodyOf, domFixture, gmailPage, gmailRoutes, printViewRoutes } from './gmail-pages';

const ME = 'me@example.com';
const hex = (n: number) => (0x18f0000000000000n + BigInt(n)).toString(16);
const thread = (n: number) => ({
  provider: 'gmail' as const,
  threadId: hex(n),
  subject: `Offer #${n}`,
  recipients: [{ email: `client${n}@example.com`, name: `Client ${n}` }],
});

/** Browsers launched by a test are closed, and their profiles removed, after it. */
const track = closedAfterEach();

async function start(mail: MailRouteHandler) {
  const l = await launch({ mail });
  track(l);
  return l;
}

describe('reply detection in real Chromium, print view routed to fixtures', () => {
  it('a reply resolves quietly, no reply notifies, a failed check notifies as unverified', async () => {
    const sentAt = Date.now() - 2 * 3_600_000;
    const mine: PageMessage = { from: { email: ME, name: 'Me' }, to: [{ email: 'client1@example.com' }], at: sentAt };
    const threads = new Map<string, PageMessage[]>([
      [hex(1), [mine, { from: { email: 'client1@example.com', name: 'Client 1' }, to: [{ email: ME }], at: sentAt + 3_600_000 }]],
      [hex(2), [{ ...mine, to: [{ email: 'client2@example.com' }] }]],
    ]);
    const seen: string[] = [];
    const printView = printViewRoutes(threads, 'UTC', seen);
    const l = await start(async (route, request) => {
      // Thread 3: Gmail says "sign in first".
      if (new URL(request.url()).searchParams.get('th') === hex(3)) return route.fulfill({ status: 401, body: '' });
      return printView(route, request);
    });
    const page = await openExtensionPage(l);
    // The print view is printed in the user's zone: pin it so the fixture's dates mean the same instant.
    const { settings } = await sendOk(page, 'settings.get', {});
    await l.worker.evaluate((s) => chrome.storage.local.set({ settings: s }), { ...settings, schedule: { ...settings.schedule, timeZone: 'UTC', workingHours: { ...settings.schedule.workingHours, enabled: false } } });

    for (const n of [1, 2, 3]) {
      await sendOk(page, 'reminder.create', { id: `e2e-reply-${n}`, account: ME, thread: thread(n), sentAt, due: { at: Date.now() + 3_000 } });
    }

    const byId = async () => Object.fromEntries((await readReminders(page)).map((r) => [r.id, r]));
    const after = await waitFor(async () => {
      const all = await byId();
      return all['e2e-reply-2']?.status === 'notified' && all['e2e-reply-3']?.status === 'notified' ? all : undefined;
    }, { what: 'reminders 2 and 3 to fire', timeout: 30_000 });

    expect(after['e2e-reply-1']).toMatchObject({ status: 'replied', resolution: { by: { email: 'client1@example.com' }, source: 'print-view', at: sentAt - (sentAt % 60_000) + 3_600_000 } });
    expect(after['e2e-reply-2']).toMatchObject({ status: 'notified', check: { outcome: 'no-reply' } });
    expect(after['e2e-reply-3']).toMatchObject({ status: 'notified', check: { outcome: 'failed', failure: 'signed-out', failures: 1 } });
    const ids = await waitFor(async () => {
      const shown = await notificationIds(l.worker);
      return shown.length > 0 ? shown : undefined;
    });
    // Fired in one run they share a digest, in two runs each has its own; the replied one never shows.
    expect(ids.every((id) => ['digest', 'r:e2e-reply-2', 'r:e2e-reply-3'].includes(id))).toBe(true);

    // One request per reminder: due within two minutes of creation, the look made then is the look at due time.
    const looks = (n: number) => seen.filter((u) => u.includes(`th=${hex(n)}`)).length;
    expect(looks(1)).toBe(1);
    expect(looks(2)).toBe(1);
    for (const u of seen) expect(new URL(u).searchParams.get('authuser')).toBe(ME);
    expect(l.blocked).toEqual([]);
  });
});

describe('automatic answers in real Chromium (issue 9)', () => {
  it('an out-of-office answer leaves the reminder waiting and moves it after the stated return; a person after an auto-reply resolves it', async () => {
    const sentAt = Date.now() - 2 * 3_600_000;
    const lastAway = new Date(Date.now() + 10 * 86_400_000);
    const until = new Intl.DateTimeFormat('en-US', { month: 'long', day: 'numeric', timeZone: 'UTC' }).format(lastAway);
    const backOn = new Date(Date.UTC(lastAway.getUTCFullYear(), lastAway.getUTCMonth(), lastAway.getUTCDate() + 1)).toISOString().slice(0, 10);
    const ooo = `Thank you for your email.\nI am out of the office until ${until} with limited access to email.\nFor urgent matters please contact Sarah.`;
    const mine = (n: number): PageMessage => ({ from: { email: ME, name: 'Me' }, to: [{ email: `client${n}@example.com` }], at: sentAt });
    const client = (n: number) => ({ email: `client${n}@example.com`, name: `Client ${n}` });
    const threads = new Map<string, PageMessage[]>([
      [hex(4), [mine(4), { from: client(4), to: [{ email: ME }], at: sentAt + 60_000, body: ooo }]],
      [
        hex(5),
        [
          mine(5),
          { from: client(5), to: [{ email: ME }], at: sentAt + 60_000, body: ooo },
          { from: client(5), to: [{ email: ME }], at: sentAt + 3_600_000, body: 'Back early — yes, the quote is fine.\n\nOn Mon, Jane wrote:\n> I am out of the office' },
        ],
      ],
    ]);
    const l = await start(printViewRoutes(threads, 'UTC'));
    const page = await openExtensionPage(l);
    const { settings } = await sendOk(page, 'settings.get', {});
    const schedule = { ...settings.schedule, timeZone: 'UTC', workingHours: { ...settings.schedule.workingHours, enabled: false } };
    await l.worker.evaluate((s) => chrome.storage.local.set({ settings: s }), { ...settings, schedule });
    for (const n of [4, 5]) await sendOk(page, 'reminder.create', { id: `e2e-auto-${n}`, account: ME, thread: thread(n), sentAt, due: { at: Date.now() + 3_000 } });

    const all = await waitFor(async () => {
      const byId = Object.fromEntries((await readReminders(page)).map((r) => [r.id, r]));
      return byId['e2e-auto-4']?.check && byId['e2e-auto-5']?.status === 'replied' ? byId : undefined;
    }, { what: 'both reminders to be looked at', timeout: 30_000 });

    // Working hours off: the first slot after the return is the default time of day on the day back.
    const back = Date.parse(`${backOn}T00:00:00Z`) + schedule.defaultTime * 60_000;
    const moved = all['e2e-auto-4']!;
    expect(moved).toMatchObject({ status: 'pending', dueAt: back, check: { outcome: 'no-reply', autoAnswer: { by: { email: 'client4@example.com' }, family: 'out-of-office', backOn } } });
    expect(moved.check!.autoAnswer!.movedFrom).toBeLessThan(back);
    expect(moved.check!.notes!.map((n) => n.reason)).toEqual(['own', 'auto-reply']);
    expect(all['e2e-auto-5']).toMatchObject({ status: 'replied', resolution: { at: sentAt - (sentAt % 60_000) + 3_600_000, by: { email: 'client5@example.com' } } });
    expect(all['e2e-auto-5']!.resolution!.notes!.map((n) => n.reason)).toEqual(['own', 'auto-reply', 'reply']);
    // Neither notified: one waits for the return, the other was answered.
    expect(await notificationIds(l.worker)).toEqual([]);

    // The popup says what happened to the waiting one.
    const popup = await l.context.newPage();
    await popup.goto(`chrome-extension://${l.extensionId}/src/popup/index.html`);
    await expect.poll(() => popup.locator('body').innerText(), { timeout: 10_000 }).toContain("Client 4's automatic reply — out of office until");
    await popup.close();
    expect(l.blocked).toEqual([]);
  });
});

describe('reply detection from an open Gmail tab', () => {
  it('a reply shown in the thread view resolves the reminder before it is due, without any request', async () => {
    const pages = { '/mail/u/0/': gmailPage({ account: 'me@example.com', body: bodyOf(domFixture('thread-view-en.html')) }) };
    const seen: string[] = [];
    const l = await start(gmailRoutes(pages, undefined, seen));
    const ext = await openExtensionPage(l);
    // The first message of the fixture thread is the user's (legacy id 15f1123136926bff → sent 2017-10-12 15:10:32 UTC).
    await sendOk(ext, 'reminder.create', {
      id: 'e2e-tab',
      account: 'me@example.com',
      thread: { provider: 'gmail', threadId: '15f1123136926bff', subject: 'Quarterly numbers', recipients: [{ email: 'alice@example.com' }] },
      sentAt: 1507821032297,
      due: { at: Date.now() + 86_400_000 },
    });
    const tab = await l.context.newPage();
    await tab.goto('https://mail.google.com/mail/u/0/#inbox/15f1123136926bff');

    const resolved = await waitFor(async () => {
      const r = (await readReminders(ext)).find((x) => x.id === 'e2e-tab');
      return r?.status === 'replied' ? r : undefined;
    }, { what: 'the reminder to resolve from the tab' });
    // Alice's answer (legacy id 15f1127a0c3e8d21 → 15:15:30.627 UTC) is the reply.
    expect(resolved.resolution).toMatchObject({ source: 'gmail-tab', by: { email: 'alice@example.com' }, at: 1507821330627 });
    // The thread control now says so.
    await expect.poll(() => tab.locator('[gh=mtb] follow-through-control').getByRole('button').first().textContent()).toContain('Alice Example');
    // Only the page itself: no print-view request (same path, with a query) was needed.
    expect(seen.filter((s) => s === 'GET /mail/u/0/')).toHaveLength(1);
    expect(await notificationIds(l.worker)).toEqual([]);
  });

  it('an out-of-office answer shown in the thread view is not a reply; the person after it is', async () => {
    // thread-view-auto.html: the user's message collapsed, Alice's out-of-office notice, Bob's answer quoting it.
    const pages = { '/mail/u/0/': gmailPage({ account: 'me@example.com', body: bodyOf(domFixture('thread-view-auto.html')) }) };
    const l = await start(gmailRoutes(pages));
    const ext = await openExtensionPage(l);
    await sendOk(ext, 'reminder.create', {
      id: 'e2e-tab-auto',
      account: 'me@example.com',
      thread: { provider: 'gmail', threadId: '15f1123136926bff', subject: 'Quarterly numbers', recipients: [{ email: 'alice@example.com' }] },
      sentAt: 1507821032297,
      due: { at: Date.now() + 86_400_000 },
    });
    const tab = await l.context.newPage();
    await tab.goto('https://mail.google.com/mail/u/0/#inbox/15f1123136926bff');
    const resolved = await waitFor(async () => {
      const r = (await readReminders(ext)).find((x) => x.id === 'e2e-tab-auto');
      return r?.status === 'replied' ? r : undefined;
    }, { what: 'the reminder to resolve from the tab' });
    // Bob (legacy id 15f11a9e4b7c0a55) answered; Alice's out-of-office notice before him did not count.
    expect(resolved.resolution).toMatchObject({ source: 'gmail-tab', by: { email: 'bob@example.com' } });
    expect(resolved.resolution!.notes!.map((n) => n.reason)).toEqual(['own', 'auto-reply', 'reply']);
    expect(resolved.resolution!.notes![1]).toMatchObject({ from: { email: 'alice@example.com' }, auto: { family: 'out-of-office' } });
  });
});
