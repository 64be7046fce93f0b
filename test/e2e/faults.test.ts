/**
 * Nothing lost, nothing twice — under faults. Real Chromium, the built
 * extension: the service worker is stopped mid-create and mid-fire, the
 * browser is closed and relaunched on the same profile, the extension is
 * updated over an old profile (database v1 → v2), and an alarm, a start-up
 * reconcile and a popup action race on the same reminder. Each test ends
 * with: every reminder exactly once in IndexedDB, each due one notified
 * exactly once, nothing left the machine.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newProfileDir, readReminders, send, sendOk, sleep, waitFor, type Launched } from './harness';
import { printViewRoutes } from './gmail-pages';
import {
  alarmsOf,
  buildCurrentExtension,
  buildOldExtension,
  dropServiceWorkerRegistrations,
  installBuild,
  launchFrom,
  liveWorker,
  notificationsOf,
  reminderIndexes,
  snapshotDist,
  tempDir,
  workerStopper,
} from './faults-helpers';
import type { Reminder } from '../../src/core/reminder';
import type { RequestInput } from '../../src/core/protocol/schemas';
import { DB_VERSION } from '../../src/storage/migrations';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

const NEXT_DUE_ALARM = 'next-due';
const PRECHECK_MS = 15 * 60_000;

const thread = (n: number) => ({
  provider: 'gmail' as const,
  threadId: `16a0000000${n.toString(16).padStart(6, '0')}`,
  subject: `Proposal #${n}`,
  recipients: [{ email: `carol${n}@example.com`, name: `Carol ${n}` }],
});

const createPayload = (id: string, n: number, dueAt: number, account = 'me@example.com'): RequestInput<'reminder.create'> => ({
  id,
  account,
  thread: thread(n),
  sentAt: Date.now() - 86_400_000,
  due: { at: dueAt },
});

const notifiedCount = (r: Reminder | undefined) => r?.history.filter((h) => h.to === 'notified').length ?? 0;

/** Every id exactly once, nothing else. */
function expectEachOnce(all: readonly Reminder[], ids: readonly string[]): Map<string, Reminder> {
  const counts = new Map<string, number>();
  for (const r of all) counts.set(r.id, (counts.get(r.id) ?? 0) + 1);
  expect(Object.fromEntries(counts)).toEqual(Object.fromEntries(ids.map((id) => [id, 1])));
  return new Map(all.map((r) => [r.id, r]));
}

/** Each due reminder fired once and was shown: its own notification, or (several at once) the digest. */
function expectAnnouncedOnce(byId: Map<string, Reminder>, due: readonly string[], shown: readonly string[]): void {
  for (const id of due) {
    const r = byId.get(id);
    expect(r?.status, id).toBe('notified');
    expect(notifiedCount(r), id).toBe(1);
    expect(r?.announcedAt, id).toBeTypeOf('number');
    expect(shown.includes(`r:${id}`) || shown.includes('digest'), `${id} on screen (${shown.join(', ')})`).toBe(true);
  }
  // Nothing on screen but the due ones (or their digest).
  expect(shown.filter((n) => n !== 'digest' && !due.includes(n.slice(2)))).toEqual([]);
}

function expectStillPending(byId: Map<string, Reminder>, pending: readonly string[]): void {
  for (const id of pending) {
    const r = byId.get(id);
    expect(r?.status, id).toBe('pending');
    expect(notifiedCount(r), id).toBe(0);
  }
}

let extensionDir = '';
let open: Launched[] = [];
const cleanup: string[] = [];

beforeAll(() => {
  // A private copy: a concurrent `npm run build` must not empty dist/ under a running browser.
  extensionDir = snapshotDist();
  cleanup.push(join(extensionDir, '..'));
});

afterEach(async () => {
  await Promise.all(open.map((l) => l.close().catch(() => undefined)));
  open = [];
});

afterAll(() => {
  for (const dir of cleanup.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function start(opts: { profileDir?: string; dir?: string } = {}): Promise<Launched> {
  const profileDir = opts.profileDir ?? newProfileDir();
  if (!opts.profileDir) cleanup.push(profileDir);
  // Reply looks find no reply: these tests are about firing.
  const l = await launchFrom(opts.dir ?? extensionDir, { profileDir, mail: printViewRoutes() });
  open.push(l);
  return l;
}

async function close(l: Launched): Promise<void> {
  await l.close();
  open = open.filter((x) => x !== l);
}

async function popup(l: Launched): Promise<Page> {
  const page = await l.context.newPage();
  await page.goto(`chrome-extension://${l.extensionId}/src/popup/index.html`);
  return page;
}

/** Sends from the page without letting a killed worker hang the test: a lost reply is `{ lost }`. */
function sendRaw(page: Page, payload: RequestInput<'reminder.create'>) {
  return page.evaluate(
    (p) =>
      Promise.race([
        chrome.runtime.sendMessage({ v: 1, type: 'reminder.create', payload: p }).then(
          (reply: unknown) => ({ reply }),
          (error: unknown) => ({ lost: String(error) }),
        ),
        new Promise<{ lost: string }>((r) => setTimeout(() => r({ lost: 'no reply within 10 s' }), 10_000)),
      ]),
    payload,
  );
}

describe('faults: nothing lost, nothing twice', () => {
  it('a worker stopped in the middle of creating: the retry with the same id leaves exactly one reminder', async () => {
    const l = await start();
    const page = await popup(l);
    const stopper = await workerStopper(page);
    const dueAt = Date.now() + 2 * 3_600_000;
    // Different moments of the create: before the message lands, while the transaction runs, after it committed.
    const delays = [-1, 0, 1, 3, 8, 15, 30, 60, 120, 250];
    const ids: string[] = [];
    const firstTry: string[] = [];
    for (const [i, delay] of delays.entries()) {
      const id = `fault-create-${i}`;
      ids.push(id);
      const payload = createPayload(id, i + 1, dueAt + i * 60_000);
      const first = sendRaw(page, payload);
      if (delay >= 0) await sleep(delay);
      await stopper.stop();
      const outcome = await first;
      // A killed worker may leave the sender with an error, or with no reply at all (undefined).
      const reply = 'lost' in outcome ? undefined : (outcome.reply as { ok: boolean; data?: { outcome: string } } | undefined);
      firstTry.push(reply?.data?.outcome ?? (reply ? 'error' : 'lost'));

      // The client retries after a failure — and, to be sure, also after a success: the same id, the same reminder.
      const retry = await waitFor(async () => {
        const reply = await send(page, 'reminder.create', payload);
        return reply.ok ? reply.data : undefined;
      }, { timeout: 20_000, what: `the retry of ${id}` });
      expect(['created', 'existing']).toContain(retry.outcome);
      expect(retry.reminder.id).toBe(id);
      // A second retry never creates a second one.
      expect((await sendOk(page, 'reminder.create', payload)).outcome).toBe('existing');
    }
    await stopper.detach();

    const byId = expectEachOnce(await readReminders(page), ids);
    expectStillPending(byId, ids);
    for (const [i, id] of ids.entries()) {
      const r = byId.get(id)!;
      expect(r.dueAt).toBe(dueAt + i * 60_000);
      expect(r.history.map((h) => h.to)).toEqual(['pending']);
    }
    // The alarm points at the earliest (its pre-check look), and nothing was shown.
    const alarm = await waitFor(async () => (await alarmsOf(l)).find((a) => a.name === NEXT_DUE_ALARM), { what: 'the next-due alarm' });
    expect(alarm.scheduledTime).toBeLessThanOrEqual(dueAt);
    expect(alarm.scheduledTime).toBeGreaterThanOrEqual(dueAt - PRECHECK_MS - 1_000);
    expect(await notificationsOf(l)).toEqual([]);
    expect(l.blocked).toEqual([]);
    // Informational: the kills really landed at different moments.
    console.info(`[faults] first tries: ${firstTry.join(', ')}`);
  });

  it('a worker stopped again and again while alarms fire: each reminder fires once and is announced once', async () => {
    const l = await start();
    const page = await popup(l);
    const now = Date.now();
    const due = [0, 1, 2, 3].map((i) => ({ id: `fault-fire-${i}`, at: now + 1_500 + i * 300 }));
    const later = { id: 'fault-fire-later', at: now + 3_600_000 };
    for (const [i, r] of [...due, later].entries()) await sendOk(page, 'reminder.create', createPayload(r.id, 100 + i, r.at));

    // Stop the workers every 200 ms from before the first due time until after the last. Runs cut short
    // this way lose their alarm event: the watchdog alarm (30 s, Chrome's shortest) must pick the work up.
    const stopper = await workerStopper(page);
    const stopUntil = due.at(-1)!.at + 1_500;
    let stops = 0;
    // At least 11 stops even when a loaded machine makes each one slow (creating the reminders can eat the window).
    while (Date.now() < stopUntil || stops <= 10) {
      await stopper.stop();
      stops++;
      await sleep(200);
    }
    await stopper.detach();

    const ids = [...due.map((r) => r.id), later.id];
    let seen = '';
    const all = await waitFor(
      async () => {
        const rs = await readReminders(page);
        seen = rs.map((r) => `${r.id}:${r.status}${r.announcedAt ? '+shown' : ''}${r.check ? '+looked' : ''}`).join(' ');
        const fired = rs.filter((r) => r.status === 'notified' && r.announcedAt !== undefined);
        return fired.length >= due.length ? rs : undefined;
      },
      { timeout: 40_000, what: 'every due reminder fired and announced' },
    ).catch((error: Error) => {
      throw new Error(`${error.message}; reminders: ${seen}`);
    });
    // Let any run still in flight finish: it must not fire anything again.
    const worker = await liveWorker(l);
    await worker.evaluate(() => new Promise((r) => setTimeout(r, 1_000)));

    const byId = expectEachOnce(await readReminders(page), ids);
    expectAnnouncedOnce(byId, due.map((r) => r.id), await notificationsOf(l));
    expectStillPending(byId, [later.id]);
    // Unchanged since it was first seen complete: fired once, not re-fired by a later wake-up.
    for (const r of all) expect(byId.get(r.id)?.rev, r.id).toBe(r.rev);
    expect(l.blocked).toEqual([]);
    // ~40 s when every run was cut short: the 30 s watchdog dominates. Headroom for a loaded machine.
  }, 90_000);

  it('browser closed while reminders wait: after the relaunch they are all there, still pending, the alarm set', async () => {
    const profileDir = newProfileDir();
    cleanup.push(profileDir);
    const first = await start({ profileDir });
    const page = await popup(first);
    const now = Date.now();
    const ids = [1, 2, 3].map((n) => `fault-wait-${n}`);
    for (const [i, id] of ids.entries()) await sendOk(page, 'reminder.create', createPayload(id, 200 + i, now + (i + 1) * 3_600_000));
    const before = await readReminders(page);
    const extensionId = first.extensionId;
    await close(first);

    const second = await start({ profileDir });
    expect(second.extensionId).toBe(extensionId);
    const page2 = await popup(second);
    const after = await readReminders(page2);
    expectEachOnce(after, ids);
    expect(after.sort((a, b) => a.id.localeCompare(b.id))).toEqual(before.sort((a, b) => a.id.localeCompare(b.id)));
    const alarm = await waitFor(async () => (await alarmsOf(second)).find((a) => a.name === NEXT_DUE_ALARM), { what: 'the next-due alarm' });
    expect(alarm.scheduledTime).toBeLessThanOrEqual(now + 3_600_000);
    expect(alarm.scheduledTime).toBeGreaterThan(Date.now());
    expect(await notificationsOf(second)).toEqual([]);
    expect([...first.blocked, ...second.blocked]).toEqual([]);
  });

  it('browser closed while some fell due: announced once after the relaunch (a digest), the others still pending', async () => {
    const profileDir = newProfileDir();
    cleanup.push(profileDir);
    const first = await start({ profileDir });
    const page = await popup(first);
    const dueAt = Date.now() + 3_000;
    const due = [1, 2, 3].map((n) => `fault-closed-due-${n}`);
    const pending = [1, 2].map((n) => `fault-closed-later-${n}`);
    for (const [i, id] of due.entries()) await sendOk(page, 'reminder.create', createPayload(id, 300 + i, dueAt + i));
    for (const [i, id] of pending.entries()) await sendOk(page, 'reminder.create', createPayload(id, 310 + i, Date.now() + (i + 2) * 3_600_000));
    expect((await readReminders(page)).every((r) => r.status === 'pending')).toBe(true);
    await close(first);

    // Closed past the due time.
    await sleep(Math.max(0, dueAt - Date.now()) + 1_000);

    const second = await start({ profileDir });
    const page2 = await popup(second);
    await waitFor(async () => (await readReminders(page2)).filter((r) => r.announcedAt !== undefined).length === due.length, {
      timeout: 30_000,
      what: 'the due reminders announced',
    });
    await waitFor(async () => (await notificationsOf(second)).includes('digest'), { what: 'the digest' });
    // A wake-up after that (the worker stopped and started again) announces nothing more.
    const stopper = await workerStopper(page2);
    await stopper.stop();
    await stopper.detach();
    await sendOk(page2, 'reminder.list', {});
    const worker = await liveWorker(second);
    await worker.evaluate(() => new Promise((r) => setTimeout(r, 1_000)));

    const byId = expectEachOnce(await readReminders(page2), [...due, ...pending]);
    const shown = await notificationsOf(second);
    expect(shown).toEqual(['digest']);
    expectAnnouncedOnce(byId, due, shown);
    expectStillPending(byId, pending);
    const alarm = (await alarmsOf(second)).find((a) => a.name === NEXT_DUE_ALARM);
    expect(alarm?.scheduledTime).toBeLessThanOrEqual(byId.get(pending[0]!)!.dueAt);
    expect([...first.blocked, ...second.blocked]).toEqual([]);
  });

  describe('extension update over an old profile', () => {
    let oldBuild = '';
    let newBuild = '';
    beforeAll(async () => {
      const dir = tempDir('ft-faults-builds-');
      cleanup.push(dir);
      oldBuild = join(dir, 'old');
      newBuild = join(dir, 'new');
      // The old release: the production sources with the database capped at v1 (see faults-old-build.vite.config.ts).
      // The new one: the same sources, uncapped — built here too, so the pair is consistent whatever dist/ holds.
      // Side by side: separate output folders, nothing else written (each is its own vite process).
      await Promise.all([buildOldExtension(oldBuild, 1), buildCurrentExtension(newBuild)]);
    }, 240_000);

    it('v0.1.0 (database v1) → v0.2.0 (current database): every reminder kept once with its data, the new index, due ones notified once', async () => {
      const root = tempDir('ft-faults-update-');
      cleanup.push(root);
      // The same path for both builds: an unpacked extension's id (and so its IndexedDB) derives from it.
      const installed = join(root, 'extension');
      const profileDir = join(root, 'profile');

      installBuild(oldBuild, installed, '0.1.0');
      const old = await start({ profileDir, dir: installed });
      const page = await popup(old);
      const now = Date.now();
      const dueSoon = 'upd-due';
      const pending = ['upd-later-1', 'upd-later-2', 'upd-work'];
      const finished = 'upd-done';
      await sendOk(page, 'reminder.create', createPayload(dueSoon, 400, now + 3_000));
      await sendOk(page, 'reminder.create', createPayload('upd-later-1', 401, now + 2 * 3_600_000));
      await sendOk(page, 'reminder.create', createPayload('upd-later-2', 402, now + 26 * 3_600_000));
      await sendOk(page, 'reminder.create', createPayload('upd-work', 403, now + 5 * 3_600_000, 'Me@Work.example.org'));
      await sendOk(page, 'reminder.create', createPayload(finished, 404, now + 3 * 3_600_000));
      await sendOk(page, 'reminder.done', { id: finished });
      // It really is the old build: manifest 0.1.0, database v1 without the new index.
      expect((await (await liveWorker(old)).evaluate(() => chrome.runtime.getManifest().version))).toBe('0.1.0');
      const v1 = await reminderIndexes(page);
      expect(v1.version).toBe(1);
      expect(Object.keys(v1.indexes).sort()).toEqual(['by-account-thread', 'by-status-due', 'by-updated']);
      const before = new Map((await readReminders(page)).map((r) => [r.id, r]));
      expect(before.size).toBe(5);
      const extensionId = old.extensionId;
      await close(old);

      // The update lands while the browser is closed; the due one falls due meanwhile.
      installBuild(newBuild, installed, '0.2.0');
      // As the update would (see the helper): the new build's service worker, not the cached old one.
      dropServiceWorkerRegistrations(profileDir);
      await sleep(Math.max(0, now + 3_000 - Date.now()) + 500);

      const updated = await start({ profileDir, dir: installed });
      expect(updated.extensionId).toBe(extensionId);
      expect(await (await liveWorker(updated)).evaluate(() => chrome.runtime.getManifest().version)).toBe('0.2.0');
      const page2 = await popup(updated);
      await waitFor(async () => (await readReminders(page2)).find((r) => r.id === dueSoon)?.announcedAt !== undefined, {
        timeout: 30_000,
        what: 'the due reminder announced by the new build',
      });
      await waitFor(async () => (await notificationsOf(updated)).includes(`r:${dueSoon}`), { what: 'its notification' });

      const v2 = await reminderIndexes(page2);
      // Every migration since v1 ran (v3 by-status-updated, v4 by-kind-status-due, v5 dropped the unread by-updated
      // and by-account-due, and any later one).
      expect(v2.version).toBe(DB_VERSION);
      expect(v2.indexes['by-status-updated']).toEqual(['status', 'updatedAt']);
      expect(v2.indexes['by-kind-status-due']).toEqual(['kind', 'status', 'dueAt']);
      expect(Object.keys(v2.indexes).sort()).toEqual(['by-account-thread', 'by-kind-status-due', 'by-status-due', 'by-status-updated']);

      const byId = expectEachOnce(await readReminders(page2), [dueSoon, ...pending, finished]);
      // Untouched reminders are exactly as the old build wrote them.
      for (const id of [...pending, finished]) expect(byId.get(id), id).toEqual(before.get(id));
      // The due one kept its data; only its firing (and the look before it) was added.
      const fired = byId.get(dueSoon)!;
      const { status: _s, rev: _r, updatedAt: _u, history, announcedAt: _a, check: _c, ...rest } = fired;
      const { status: _s0, rev: _r0, updatedAt: _u0, history: history0, check: _c0, ...rest0 } = before.get(dueSoon)!;
      expect(rest).toEqual(rest0);
      expect(history.slice(0, history0.length)).toEqual(history0);
      expectAnnouncedOnce(byId, [dueSoon], await notificationsOf(updated));
      expectStillPending(byId, pending);
      expect(byId.get(finished)?.status).toBe('done');

      // The new indexes answer for the records that came from v1: the pending ones of their kind, earliest due first.
      const mine = await page2.evaluate(
        () =>
          new Promise<string[]>((res, rej) => {
            const req = indexedDB.open('follow-through');
            req.onerror = () => rej(req.error);
            req.onsuccess = () => {
              const db = req.result;
              const q = db
                .transaction('reminders')
                .objectStore('reminders')
                .index('by-kind-status-due')
                .getAll(IDBKeyRange.bound(['no-reply', 'pending', -Infinity], ['no-reply', 'pending', Infinity]));
              q.onsuccess = () => {
                db.close();
                res((q.result as Reminder[]).map((r) => r.id));
              };
              q.onerror = () => rej(q.error);
            };
          }),
      );
      expect(mine).toEqual(['upd-later-1', 'upd-work', 'upd-later-2']);
      // The v1 build kept no counts: v6 built them from its records (finished ones, per status), and the new
      // build's writes since kept them. They agree with the records.
      const stored = await page2.evaluate(
        () =>
          new Promise<Record<string, number>>((res, rej) => {
            const req = indexedDB.open('follow-through');
            req.onerror = () => rej(req.error);
            req.onsuccess = () => {
              const db = req.result;
              const store = db.transaction('counts').objectStore('counts');
              const keys = store.getAllKeys();
              const values = store.getAll();
              values.onsuccess = () => {
                db.close();
                res(Object.fromEntries((keys.result as string[]).map((k, i) => [k, values.result[i] as number])));
              };
              values.onerror = () => rej(values.error);
            };
          }),
      );
      const tally: Record<string, number> = { replied: 0, done: 0, cancelled: 0 };
      for (const r of await readReminders(page2)) if (r.status in tally) tally[r.status]! += 1;
      expect(stored).toEqual(tally);
      expect(tally).toEqual({ replied: 0, done: 1, cancelled: 0 });
      expect([...old.blocked, ...updated.blocked]).toEqual([]);
    });
  });

  it('an alarm, a start-up reconcile and a popup action racing on one reminder: one coherent outcome, never two notifications', async () => {
    const l = await start();
    const page = await popup(l);
    const stopper = await workerStopper(page);
    // [action, ms after the due time it lands, whether the worker is freshly started by the alarm (start-up reconcile races too)]
    const rounds: ['done' | 'snooze', number, boolean][] = [
      ['done', 0, false],
      ['snooze', 0, false],
      ['done', 40, true],
      ['snooze', 80, true],
      ['done', 200, false],
      ['snooze', 250, true],
    ];
    const ids: string[] = [];
    for (const [i, [action, delay, fresh]] of rounds.entries()) {
      const id = `fault-race-${i}`;
      ids.push(id);
      const dueAt = Date.now() + 1_500;
      await sendOk(page, 'reminder.create', createPayload(id, 500 + i, dueAt));
      if (fresh) {
        // Killed before its due time: the alarm starts a fresh worker, whose start-up reconcile races the alarm's.
        await sleep(Math.max(0, dueAt - Date.now() - 150));
        await stopper.stop();
        await sleep(Math.max(0, dueAt - Date.now()));
      } else {
        await sleep(Math.max(0, dueAt - Date.now()));
        // The alarm, now (as Chrome fires it), in the live worker.
        await (await liveWorker(l)).evaluate((name) => chrome.alarms.create(name, { when: Date.now() }), NEXT_DUE_ALARM);
      }
      if (delay > 0) await sleep(delay);
      const snoozeUntil = Date.now() + 3_600_000;
      const reply =
        action === 'done'
          ? await send(page, 'reminder.done', { id })
          : await send(page, 'reminder.snooze', { id, due: { at: snoozeUntil } });
      // The user's action never fails against a racing alarm.
      expect(reply.ok, JSON.stringify(reply)).toBe(true);

      // Give every run in flight time to finish, then let a start-up reconcile have its go too.
      const settled = await waitFor(async () => {
        const r = (await readReminders(page)).find((x) => x.id === id);
        const shown = await notificationsOf(l);
        return r && r.status !== 'pending' && r.status !== 'notified' && !shown.includes(`r:${id}`) ? r : undefined;
      }, { timeout: 20_000, what: `round ${i} settled` });
      await stopper.stop();
      await sendOk(page, 'reminder.list', {});
      await (await liveWorker(l)).evaluate(() => new Promise((r) => setTimeout(r, 500)));

      const r = (await readReminders(page)).find((x) => x.id === id)!;
      // One coherent outcome: the user's action stands…
      expect(r.status, `round ${i}`).toBe(action === 'done' ? 'done' : 'snoozed');
      if (action === 'snooze') expect(r.dueAt).toBe(snoozeUntil);
      expect(r.rev, `round ${i}: nothing changed after it settled`).toBe(settled.rev);
      // …it fired at most once (before the action, or not at all)…
      const statuses = r.history.map((h) => h.to);
      expect(notifiedCount(r), `round ${i}: ${statuses.join(' → ')}`).toBeLessThanOrEqual(1);
      expect(statuses.at(-1)).toBe(r.status);
      // …and nothing on screen speaks of it any more.
      const shown = await notificationsOf(l);
      expect(shown.filter((n) => n === `r:${id}` || n === 'digest'), `round ${i}`).toEqual([]);
      console.info(`[faults] race round ${i} (${action} +${delay} ms${fresh ? ', fresh worker' : ''}): ${statuses.join(' → ')}`);
    }
    await stopper.detach();
    expectEachOnce(await readReminders(page), ids);
    expect(l.blocked).toEqual([]);
  });
});
