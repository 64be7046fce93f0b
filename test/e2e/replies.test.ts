import { afterEach, describe, expect, it } from 'vitest';
import type { PageMessage } from '../fixtures/gmail/print-view/page';
import { launch, notificationIds, openExtensionPage, readReminders, removeProfileDir, sendOk, waitFor, type Launched, type MailRouteHandler } from './harness';
import { bodyOf, domFixture, gmailPage, gmailRoutes, printViewRoutes } from './gmail-pages';

const ME = 'me@example.com';
const hex = (n: number) => (0x18f0000000000000n + BigInt(n)).toString(16);
const thread = (n: number) => ({
  provider: 'gmail' as const,
  threadId: hex(n),
  subject: `Offer #${n}`,
  recipients: [{ email: `client${n}@example.com`, name: `Client ${n}` }],
});

let open: Launched[] = [];
afterEach(async () => {
  await Promise.all(open.map((l) => l.close().catch(() => undefined)));
  open.forEach((l) => removeProfileDir(l.profileDir));
  open = [];
});

async function start(mail: MailRouteHandler) {
  const l = await launch({ mail });
  open.push(l);
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
});
