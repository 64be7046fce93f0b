import { afterEach, describe, expect, it } from 'vitest';
import {
  badgeText,
  currentWorker,
  launch,
  newProfileDir,
  notificationIds,
  openExtensionPage,
  readReminders,
  removeProfileDir,
  sendOk,
  stopServiceWorkers,
  waitFor,
  type Launched,
} from './harness';
import type { Reminder } from '../../src/core/reminder';
import { printViewRoutes } from './gmail-pages';

const thread = (n: number) => ({
  provider: 'gmail' as const,
  threadId: `15f1123136926b${n.toString(16).padStart(2, '0')}`,
  subject: `Quote request #${n}`,
  recipients: [{ email: `bob${n}@example.com`, name: `Bob ${n}` }],
});

const notifiedCount = (r: Reminder | undefined) => r?.history.filter((h) => h.to === 'notified').length ?? 0;

let open: Launched[] = [];
const profiles: string[] = [];
afterEach(async () => {
  await Promise.all(open.map((l) => l.close().catch(() => undefined)));
  open = [];
  profiles.splice(0).forEach(removeProfileDir);
});

async function start(profileDir?: string) {
  // Reply checks find no reply: these tests are about firing.
  const l = await launch({ ...(profileDir ? { profileDir } : {}), mail: printViewRoutes() });
  open.push(l);
  return l;
}

describe('background in real Chromium', () => {
  it('starts its service worker with the built manifest', async () => {
    const l = await start();
    profiles.push(l.profileDir);
    expect(l.worker.url()).toMatch(/^chrome-extension:\/\/[a-p]{32}\/service-worker-loader\.js$/);
    const manifest = await l.worker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.permissions).toEqual(['storage', 'alarms', 'notifications', 'scripting']);
  });

  it('fires a due reminder once, even when the worker is killed and restarted', async () => {
    const l = await start();
    profiles.push(l.profileDir);
    const page = await openExtensionPage(l);

    const created = await sendOk(page, 'reminder.create', {
      id: 'e2e-fire-once',
      account: 'Me@Example.com',
      thread: thread(1),
      sentAt: Date.now() - 3 * 86_400_000,
      due: { at: Date.now() + 1_000 },
    });
    expect(created.outcome).toBe('created');
    expect(created.reminder.account).toBe('me@example.com');

    // The alarm wakes the worker, which shows a real notification…
    await waitFor(async () => (await notificationIds(await currentWorker(l.context))).includes('r:e2e-fire-once'), {
      what: 'the notification',
    });
    // …and records it as notified and announced in IndexedDB.
    const fired = await waitFor(async () => {
      const r = (await readReminders(page)).find((x) => x.id === 'e2e-fire-once');
      return r?.status === 'notified' && r.announcedAt ? r : undefined;
    });
    expect(notifiedCount(fired)).toBe(1);
    // The badge is set at the end of the same run, just after the reminder is marked announced.
    await expect.poll(async () => badgeText(await currentWorker(l.context))).toBe('1');

    // Kill the worker; the next message starts a fresh one that reconciles again.
    await stopServiceWorkers(page);
    const list = await sendOk(page, 'reminder.list', {});
    expect(list.counts.overdue).toBe(1);
    // Give the fresh instance's start-up reconcile time to (wrongly) fire again.
    const worker = await currentWorker(l.context);
    await worker.evaluate(() => new Promise((r) => setTimeout(r, 1_500)));

    const after = (await readReminders(page)).find((x) => x.id === 'e2e-fire-once');
    expect(after?.status).toBe('notified');
    expect(notifiedCount(after)).toBe(1);
    expect(after?.rev).toBe(fired.rev);
    expect(await notificationIds(worker)).toEqual(['r:e2e-fire-once']);
    expect(l.blocked).toEqual([]);
  });

  it('announces reminders that fell due while the browser was closed, as one digest', async () => {
    const profileDir = newProfileDir();
    profiles.push(profileDir);
    const first = await start(profileDir);
    const page = await openExtensionPage(first);
    const dueAt = Date.now() + 4_000;
    for (const n of [1, 2, 3]) {
      await sendOk(page, 'reminder.create', {
        id: `e2e-closed-${n}`,
        account: 'me@example.com',
        thread: thread(10 + n),
        sentAt: Date.now(),
        due: { at: dueAt },
      });
    }
    expect((await readReminders(page)).every((r) => r.status === 'pending')).toBe(true);
    await first.close();
    open = [];

    // Stay closed past the due time.
    await new Promise((r) => setTimeout(r, Math.max(0, dueAt - Date.now()) + 1_000));

    const second = await start(profileDir);
    const worker = await currentWorker(second.context);
    await waitFor(async () => (await notificationIds(worker)).includes('digest'), { what: 'the digest notification' });
    const page2 = await openExtensionPage(second);
    const reminders = await waitFor(async () => {
      const all = await readReminders(page2);
      return all.every((r) => r.status === 'notified' && r.announcedAt) ? all : undefined;
    });
    expect(reminders).toHaveLength(3);
    for (const r of reminders) expect(notifiedCount(r)).toBe(1);
    // One digest, not a storm of singles.
    expect(await notificationIds(worker)).toEqual(['digest']);
    expect(await badgeText(worker)).toBe('3');
  });

  it('rejects malformed and unknown messages with a clear error and changes nothing', async () => {
    const l = await start();
    profiles.push(l.profileDir);
    const page = await openExtensionPage(l);
    const before = await readReminders(page);
    const replies = await page.evaluate(async () => {
      const bad: unknown[] = [
        'hello',
        { v: 1, type: 'reminder.drop-table', payload: {} },
        { v: 1, type: 'reminder.create', payload: { id: 'x' } },
        { v: 2, type: 'reminder.list', payload: {} },
      ];
      return Promise.all(bad.map((m) => chrome.runtime.sendMessage(m)));
    });
    expect(replies.map((r: { ok: boolean; error?: { code: string } }) => r.error?.code)).toEqual([
      'invalid-request',
      'unknown-type',
      'invalid-request',
      'invalid-request',
    ]);
    expect(await readReminders(page)).toEqual(before);
  });
});
