/**
 * Time zones in real Chromium: Gmail prints the thread in the Google
 * account's zone (New York, Tokyo) while the settings say Berlin; and a
 * reminder added from the thread toolbar counts from the user's own message.
 */
import { describe, expect, it } from 'vitest';
import type { PageMessage } from '../fixtures/gmail/print-view/page';
import { closedAfterEach, launch, openExtensionPage, readReminders, sendOk, waitFor, type Launched, type MailRouteHandler } from './harness';
import { bodyOf, domFixture, gmailPage, gmailRoutes, printViewRoutes } from './gmail-pages';

const ME = 'me@example.com';
const HOUR = 3_600_000;
const hex = (n: number) => (0x19a0000000000000n + BigInt(n)).toString(16);
const thread = (n: number) => ({ provider: 'gmail' as const, threadId: hex(n), subject: `Offer #${n}`, recipients: [{ email: `client${n}@example.com` }] });

/** Browsers launched by a test are closed, and their profiles removed, after it. */
const track = closedAfterEach();

async function start(mail: MailRouteHandler) {
  const l = await launch({ mail });
  track(l);
  return l;
}

async function settingsInBerlin(l: Launched) {
  const page = await openExtensionPage(l);
  const { settings } = await sendOk(page, 'settings.get', {});
  await l.worker.evaluate(
    (s) => chrome.storage.local.set({ settings: s }),
    { ...settings, schedule: { ...settings.schedule, timeZone: 'Europe/Berlin', workingHours: { ...settings.schedule.workingHours, enabled: false } } },
  );
  return page;
}

describe('print view printed in another zone than the settings', () => {
  it('New York page, Berlin settings: a reply 2 h after the send resolves; Tokyo page: a message 6 h before does not', async () => {
    // An exact send time, as Gmail's send response gives it.
    const sentAt = Date.now() - 3 * HOUR - 17_345;
    const mine = (n: number): PageMessage => ({ from: { email: ME, name: 'Me' }, to: [{ email: `client${n}@example.com` }], at: sentAt });
    const client = (n: number, at: number): PageMessage => ({ from: { email: `client${n}@example.com`, name: `Client ${n}` }, to: [{ email: ME }], at });
    const newYork = printViewRoutes(new Map([[hex(1), [mine(1), client(1, sentAt + 2 * HOUR)]]]), 'America/New_York');
    const tokyo = printViewRoutes(new Map([[hex(2), [client(2, sentAt - 6 * HOUR), mine(2)]]]), 'Asia/Tokyo');
    const l = await start((route, request) => (new URL(request.url()).searchParams.get('th') === hex(2) ? tokyo(route, request) : newYork(route, request)));
    const page = await settingsInBerlin(l);

    for (const n of [1, 2]) await sendOk(page, 'reminder.create', { id: `zone-${n}`, account: ME, thread: thread(n), sentAt, due: { at: Date.now() + 3_000 } });
    const after = await waitFor(async () => {
      const all = Object.fromEntries((await readReminders(page)).map((r) => [r.id, r]));
      return all['zone-1']?.status === 'replied' && all['zone-2']?.status === 'notified' ? all : undefined;
    }, { what: 'reminder 1 to resolve and reminder 2 to fire', timeout: 30_000 });

    const minute = (t: number) => t - (t % 60_000);
    expect(after['zone-1']).toMatchObject({ resolution: { by: { email: 'client1@example.com' }, at: minute(sentAt + 2 * HOUR), source: 'print-view', times: 'calibrated' } });
    expect(after['zone-2']).toMatchObject({ check: { outcome: 'no-reply', times: 'calibrated' } });
    expect(after['zone-2']!.check!.notes!.map((n) => n.reason)).toEqual(['before-tracked', 'own']);
    expect(l.blocked).toEqual([]);
  });
});

describe('a reminder added from the thread toolbar', () => {
  it('counts from the user\'s own newest message, whose time its Gmail id holds', async () => {
    // thread-view-en.html with its last message (Bob's) turned into the user's, sent 5 hours ago.
    const sentAt = Date.now() - 5 * HOUR;
    const legacy = ((BigInt(sentAt) << 20n) | 0xabcden).toString(16);
    const html = domFixture('thread-view-en.html')
      .replace('data-message-id="#msg-f:1581074211357330005" data-legacy-message-id="15f11a9e4b7c0a55"', `data-message-id="#msg-f:${BigInt(`0x${legacy}`)}" data-legacy-message-id="${legacy}"`)
      .replace('<span email="bob@example.com" name="Bob Builder" data-hovercard-id="bob@example.com" class="gD"><span>Bob Builder</span></span>', '<span email="me@example.com" name="Me Myself" data-hovercard-id="me@example.com" class="gD"><span>Me Myself</span></span>');
    expect(html).toContain(legacy);
    const l = await start(gmailRoutes({ '/mail/u/0/': gmailPage({ account: ME, body: bodyOf(html) }) }));
    const tab = await l.context.newPage();
    await tab.goto('https://mail.google.com/mail/u/0/#inbox/15f1123136926bff');
    const control = tab.locator('[gh=mtb] follow-through-control');
    await expect.poll(() => control.count()).toBe(1);
    await control.getByRole('button').first().click();
    await control.getByRole('button', { name: /^Tomorrow/ }).click();

    const ext = await openExtensionPage(l);
    const [stored] = await waitFor(async () => {
      const all = await readReminders(ext);
      return all.length > 0 ? all : undefined;
    }, { what: 'the reminder from the thread toolbar' });
    expect(stored).toMatchObject({ sentAt, anchor: 'message', thread: { threadId: '15f1123136926bff' } });
  });
});
