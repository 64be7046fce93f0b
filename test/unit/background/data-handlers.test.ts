import { describe, expect, it } from 'vitest';
import { NEXT_DUE_ALARM } from '../../../src/background/reconciler';
import { createBackground } from '../../../src/background/services';
import { BackupError, buildBackup, serializeBackup } from '../../../src/core/backup/format';
import { envelope } from '../../../src/core/protocol/envelope';
import type { RequestInput, RequestType } from '../../../src/core/protocol/schemas';
import type { Reminder } from '../../../src/core/reminder';
import { defaultSettings, type Settings } from '../../../src/core/settings';
import { plain, richReminders } from '../core/backup-fixtures';
import { DAY, EXTENSION_VERSION, fakeBackground, FakeStorageArea, GMAIL_TAB, HOUR, MIN, POPUP, reminder, T0, thread, userSettings } from './fakes';
import { PRECHECK_MS } from '../../../src/core/replies/outcome';

const byId = (rs: Reminder[]) => [...rs].sort((a, b) => (a.id < b.id ? -1 : 1));

const mySettings = (): Settings => ({
  ...userSettings({ defaultPreset: 'tomorrow', armNewComposes: true }),
  notifications: { requireInteraction: false, startupDigest: false },
});

/** A background holding the rich fixture reminders, two created through the UI, and non-default settings. */
async function source() {
  const f = fakeBackground({ now: T0, settings: mySettings() });
  await f.bg.bulk.putAll(richReminders());
  await f.bg.handlers['reminder.create']({ id: 'ui-1', account: 'me@example.com', thread: thread(41), sentAt: T0 - MIN, due: { at: T0 + 2 * DAY } });
  await f.bg.handlers['reminder.create']({ id: 'ui-2', account: 'me@example.com', thread: thread(42), sentAt: T0 - MIN, due: { at: T0 + 3 * DAY } });
  await f.bg.handlers['reminder.done']({ id: 'ui-2' });
  return f;
}

const route = <K extends RequestType>(f: ReturnType<typeof fakeBackground>, type: K, payload: RequestInput<K>, sender = POPUP) =>
  f.bg.route(envelope(type, payload), sender);

/** Everything an import could change. */
async function snapshot(f: ReturnType<typeof fakeBackground>) {
  return {
    reminders: byId(await f.bg.store.all()),
    storage: structuredClone(f.storage.data),
    notifications: f.notifications.created.length,
    cleared: f.notifications.cleared.length,
    alarms: f.alarms.calls.length,
    badge: f.badge.counts.length,
  };
}

describe('settings.set', () => {
  it('stores the whole object and answers what was stored', async () => {
    const f = fakeBackground({ now: T0 });
    const next = mySettings();
    expect(await route(f, 'settings.set', { settings: next })).toEqual({ ok: true, data: { settings: next } });
    expect(f.storage.data.settings).toEqual(next);
    expect(await f.bg.handlers['settings.get']({})).toEqual({ settings: next });
  });

  it('fills fields an older caller left out with their defaults', async () => {
    const f = fakeBackground({ now: T0 });
    const { notifications: _n, ...older } = mySettings();
    const reply = await route(f, 'settings.set', { settings: older });
    expect(reply).toMatchObject({ ok: true, data: { settings: { notifications: { requireInteraction: true, startupDigest: true } } } });
  });

  it('refuses invalid settings and keeps what was stored', async () => {
    const f = fakeBackground({ now: T0 });
    const before = structuredClone(f.storage.data);
    const bad = { ...mySettings(), schedule: { ...mySettings().schedule, timeZone: 'Mars/Base' } };
    expect(await route(f, 'settings.set', { settings: bad })).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringContaining('Unknown time zone') } });
    expect(f.storage.data).toEqual(before);
  });

  it('is refused from a Gmail tab', async () => {
    const f = fakeBackground({ now: T0 });
    expect(await route(f, 'settings.set', { settings: mySettings() }, GMAIL_TAB)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(f.storage.data.settings).toEqual(userSettings());
  });
});

describe('data.export and data.import', () => {
  it('exports the documented format', async () => {
    const f = await source();
    const { json } = await f.bg.handlers['data.export']({});
    const parsed = JSON.parse(json) as Record<string, unknown>;
    expect(parsed).toMatchObject({ format: 'follow-through-backup', version: 2, exportedAt: T0, extensionVersion: EXTENSION_VERSION, settings: mySettings() });
    expect((parsed.reminders as Reminder[]).map((r) => r.id).sort()).toEqual(['rem-1', 'rem-2', 'rem-3', 'rem-4', 'rem-5', 'rem-6', 'ui-1', 'ui-2']);
  });

  it('round trip: a fresh background ends up with identical reminders and settings', async () => {
    const a = await source();
    const { json } = await a.bg.handlers['data.export']({});

    const b = fakeBackground({ now: T0, settings: null });
    expect(await route(b, 'data.import', { json })).toEqual({ ok: true, data: { imported: 8, replaced: 0 } });

    expect(byId(await b.bg.store.all())).toEqual(byId(await a.bg.store.all()));
    expect(await b.bg.settings.get()).toEqual(await a.bg.settings.get());
    // Same data, same clock: the same backup (key order within an object aside).
    expect(JSON.parse((await b.bg.handlers['data.export']({})).json)).toEqual(JSON.parse(json));
    // Every index works on the imported data.
    expect((await b.bg.handlers['reminder.getByThread']({ account: 'other@example.org', permThreadId: 'thread-f:1581064946762017791' })).reminder?.id).toBe('rem-3');
  });

  it('replaces reminders with the same id, keeps the others, and says how many it replaced', async () => {
    const a = await source();
    const { json } = await a.bg.handlers['data.export']({});
    const b = fakeBackground({ now: T0 });
    await b.bg.bulk.putAll([plain(1, { status: 'cancelled', history: [{ from: null, to: 'cancelled', at: T0, cause: 'test' }] }), plain(77)]);

    expect(await b.bg.handlers['data.import']({ json })).toEqual({ imported: 8, replaced: 1 });
    const ids = (await b.bg.store.all()).map((r) => r.id).sort();
    expect(ids).toEqual(['rem-1', 'rem-2', 'rem-3', 'rem-4', 'rem-5', 'rem-6', 'rem-77', 'ui-1', 'ui-2']);
    expect(await b.bg.store.get('rem-1')).toEqual(await a.bg.store.get('rem-1'));
  });

  it('importing a backup into the same background changes nothing and replaces every reminder', async () => {
    const a = await source();
    const before = byId(await a.bg.store.all());
    const { json } = await a.bg.handlers['data.export']({});
    expect(await a.bg.handlers['data.import']({ json })).toEqual({ imported: 8, replaced: 8 });
    expect(byId(await a.bg.store.all())).toEqual(before);
  });

  it('reconciles afterwards: the alarm points at the next due reminder and the badge counts notified ones', async () => {
    const a = await source();
    const { json } = await a.bg.handlers['data.export']({});
    const b = fakeBackground({ now: T0 });
    await b.bg.handlers['data.import']({ json });
    expect(b.alarms.active.get(NEXT_DUE_ALARM)).toBeDefined();
    expect(b.alarms.active.get(NEXT_DUE_ALARM)!).toBeLessThanOrEqual(plain(6).dueAt);
    expect(b.badge.count).toBe(1);
    // rem-2 was notified and announced before the backup: not shown again.
    expect(b.notifications.created).toEqual([]);
  });

  it('withdraws the notification of a replaced reminder that no longer waits for the user', async () => {
    const f = fakeBackground({ now: T0 });
    await f.bg.handlers['reminder.create']({ id: 'x', account: 'me@example.com', thread: thread(50), sentAt: T0 - MIN, due: { at: T0 + HOUR } });
    f.clock.advance(HOUR + 11 * MIN);
    await f.bg.reconcile('alarm');
    expect(f.notifications.shown.has('r:x')).toBe(true);

    const done = { ...(await f.bg.store.get('x'))!, status: 'done' as const, rev: 99 };
    const json = serializeBackup(buildBackup({ settings: userSettings(), reminders: [done], exportedAt: T0, extensionVersion: 'x' }));
    expect(await f.bg.handlers['data.import']({ json })).toEqual({ imported: 1, replaced: 1 });
    expect(f.notifications.shown.has('r:x')).toBe(false);
    expect(f.badge.count).toBe(0);
  });

  describe('a corrupted file changes nothing and says what is wrong', () => {
    const hundred = () => Array.from({ length: 100 }, (_, i) => plain(i + 1));
    const file = (reminders: unknown[], over: Record<string, unknown> = {}) =>
      JSON.stringify({ ...JSON.parse(serializeBackup(buildBackup({ settings: defaultSettings('UTC'), reminders: [], exportedAt: T0, extensionVersion: 'x' }))), reminders, ...over });
    const withBad = (i: number, edit: (r: Record<string, any>) => void) => {
      const rs = JSON.parse(JSON.stringify(hundred())) as Record<string, any>[];
      edit(rs[i]!);
      return file(rs);
    };

    const cases: [string, () => string, string | RegExp][] = [
      ['truncated JSON', () => file(hundred()).slice(0, 20_000), /^Not a valid backup file: the JSON is malformed or incomplete/],
      ['a newer version', () => file(hundred(), { version: 3 }), /^version: this backup is version 3, written by a newer Follow-Through/],
      ['an unknown format', () => file(hundred(), { format: 'calendar' }), 'Not a Follow-Through backup: format is "calendar", expected "follow-through-backup"'],
      ['one bad reminder among 100', () => withBad(73, (r) => (r.dueAt = 'tomorrow')), 'Invalid backup: reminders[73].dueAt: Expected number but received "tomorrow"'],
      ['a hostile, over-long subject', () => withBad(99, (r) => (r.thread.subject = `</script>${'\u202e'.repeat(5000)}`)), 'Invalid backup: reminders[99].thread.subject: Invalid length: Expected <=2000 but received 5009'],
      ['a subject that is an object', () => withBad(0, (r) => (r.thread.subject = { $gt: '' })), /^Invalid backup: reminders\[0\]\.thread\.subject: Expected string but received Object/],
      ['a duplicate id', () => withBad(50, (r) => (r.id = 'rem-1')), 'Invalid backup: reminders[50].id: Duplicate id "rem-1" (also reminders[0])'],
      ['bad settings', () => file(hundred(), { settings: { ...defaultSettings('UTC'), snoozePreset: 'never' } }), /^Invalid backup: settings\.snoozePreset: /],
    ];

    it.each(cases)('%s', async (_label, make, says) => {
      const f = await source();
      // Something on screen and an alarm set, to see that none of it moves.
      const before = await snapshot(f);

      const reply = await route(f, 'data.import', { json: make() });

      expect(reply).toEqual({ ok: false, error: { code: 'invalid-request', message: expect.any(String) } });
      if (reply.ok) return;
      if (typeof says === 'string') expect(reply.error.message).toBe(says);
      else expect(reply.error.message).toMatch(says);
      expect(await snapshot(f)).toEqual(before);
      // Not an internal error: nothing was logged as one.
      expect(f.log.errors).toEqual([]);
    });

    it('the handler itself throws a BackupError', async () => {
      const f = fakeBackground({ now: T0 });
      await expect(f.bg.handlers['data.import']({ json: '{"format":"follow-through-backup"' })).rejects.toBeInstanceOf(BackupError);
    });

    it('a file over 20 MB is refused before it is read', async () => {
      const f = fakeBackground({ now: T0 });
      const reply = await route(f, 'data.import', { json: ' '.repeat(20 * 1024 * 1024 + 1) });
      expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringContaining('larger than 20 MB') } });
    });
  });

  it('is refused from a Gmail tab', async () => {
    const f = await source();
    const { json } = await f.bg.handlers['data.export']({});
    expect(await route(f, 'data.export', {}, GMAIL_TAB)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await route(f, 'data.import', { json }, GMAIL_TAB)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('data.exportIcs', () => {
  it('has an event for each pending or snoozed reminder only', async () => {
    const f = await source();
    const reply = await route(f, 'data.exportIcs', {});
    if (!reply.ok) throw new Error(reply.error.message);
    const { ics } = reply.data as { ics: string };
    const uids = [...ics.matchAll(/^UID:(.+)$/gm)].map((m) => m[1]!.trim()).sort();
    expect(uids).toEqual(['rem-3@follow-through', 'rem-6@follow-through', 'ui-1@follow-through']);
    expect(ics).toContain(`PRODID:-//Follow-Through//Follow-Through ${EXTENSION_VERSION}//EN`);
    expect(ics).toContain('DTSTAMP:20250310T120000Z');
  });
});

describe('data.deleteAll', () => {
  /** Storage that records, at each removal, how many reminders were still in the database. */
  class RecordingStorage extends FakeStorageArea {
    readonly removed: { key: string; remindersLeft: number }[] = [];
    count: () => Promise<number> = async () => 0;
    override async remove(keys: string | string[]): Promise<void> {
      for (const key of typeof keys === 'string' ? [keys] : keys) this.removed.push({ key, remindersLeft: await this.count() });
      await super.remove(keys);
    }
  }

  it('removes reminders, settings, integration reports, page keys and the error log, in that order, then clears alarms, notifications and badge', async () => {
    const f = fakeBackground({ now: T0 });
    const storage = new RecordingStorage(f.storage.data);
    const bg = createBackground({ ...f.ports, storage });
    storage.count = async () => (await bg.store.all()).length;

    await bg.bulk.putAll(richReminders());
    await bg.handlers['reminder.create']({ id: 'due', account: 'me@example.com', thread: thread(60), sentAt: T0 - MIN, due: { at: T0 + HOUR } });
    await bg.handlers['integration.report']({ account: 'me@example.com', checks: { composeButton: 'ok', sendHook: 'ok', threadId: 'ok', threadToolbar: 'ok', account: 'ok' }, notes: [] });
    await bg.handlers['account.seen']({ account: 'me@example.com', ik: 'abc123def0' });
    await bg.errors.record('Something failed');
    f.clock.advance(HOUR + 11 * MIN);
    await bg.reconcile('alarm');
    expect(f.notifications.shown.has('r:due')).toBe(true);
    expect(Object.keys(storage.data).sort()).toEqual(['errorLog', 'integration', 'pageKeys', 'settings']);

    const reply = await bg.route(envelope('data.deleteAll', { confirm: 'delete-all' }), POPUP);

    expect(reply).toEqual({ ok: true, data: { deleted: 7 } });
    expect(await bg.store.all()).toEqual([]);
    expect(storage.removed).toEqual([
      { key: 'settings', remindersLeft: 0 },
      { key: 'integration', remindersLeft: 0 },
      { key: 'pageKeys', remindersLeft: 0 },
      { key: 'errorLog', remindersLeft: 0 },
    ]);
    expect(storage.data).toEqual({});
    expect(f.notifications.shown.size).toBe(0);
    expect(f.notifications.cleared).toContain('digest');
    expect(f.alarms.active.has(NEXT_DUE_ALARM)).toBe(false);
    expect(f.badge.count).toBe(0);
    // Settings are back to the defaults (in the system zone, as on a fresh install).
    expect(await bg.settings.get()).toEqual(defaultSettings('UTC'));
    expect(await bg.handlers['integration.get']({})).toEqual({ reports: [] });
  });

  it.each([
    ['no confirmation', {}],
    ['a wrong confirmation', { confirm: 'yes' }],
    ['a confirmation in another case', { confirm: 'Delete-All' }],
  ])('needs the literal confirmation: %s deletes nothing', async (_label, payload) => {
    const f = await source();
    const before = await snapshot(f);
    const reply = await f.bg.route({ v: 1, type: 'data.deleteAll', payload }, POPUP);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringContaining('confirm') } });
    expect(await snapshot(f)).toEqual(before);
  });

  it('is refused from a Gmail tab', async () => {
    const f = await source();
    const before = await snapshot(f);
    expect(await route(f, 'data.deleteAll', { confirm: 'delete-all' }, GMAIL_TAB)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await snapshot(f)).reminders).toEqual(before.reminders);
  });

  it('on an empty install deletes nothing and still succeeds', async () => {
    const f = fakeBackground({ now: T0, settings: null });
    expect(await f.bg.handlers['data.deleteAll']({ confirm: 'delete-all' })).toEqual({ deleted: 0 });
  });
});

describe('diagnostics.get', () => {
  it('reports version, counts per status, integration, last looks per account and recent errors', async () => {
    const f = await source();
    await f.bg.handlers['integration.report']({ account: 'me@example.com', checks: { composeButton: 'ok', sendHook: 'missing', threadId: 'ok', threadToolbar: 'unknown', account: 'ok' }, notes: ['send row not found'] });

    const reply = await route(f, 'diagnostics.get', {});
    if (!reply.ok) throw new Error(reply.error.message);
    expect(reply.data).toEqual({
      version: EXTENSION_VERSION,
      counts: { pending: 2, notified: 1, snoozed: 1, replied: 1, done: 2, cancelled: 1 },
      integration: [
        { account: 'me@example.com', at: T0, checks: { composeButton: 'ok', sendHook: 'missing', threadId: 'ok', threadToolbar: 'unknown', account: 'ok' }, notes: ['send row not found'] },
      ],
      lastChecks: [
        // rem-1 replied at T0 + 2 h (a look that worked); rem-2's look failed, signed out.
        { account: 'me@example.com', lastOk: T0 + 2 * HOUR, lastFailure: { at: T0 + HOUR - 5 * MIN, failure: 'signed-out' } },
        { account: 'other@example.org', lastOk: T0 + HOUR },
      ],
      recentErrors: [],
    });
  });

  it('lists an account whose reminders were never looked at, without times', async () => {
    const f = fakeBackground({ now: T0 });
    await f.bg.handlers['reminder.create']({ id: 'a', account: 'me@example.com', thread: thread(1), sentAt: T0 - MIN, due: { at: T0 + DAY } });
    expect((await f.bg.handlers['diagnostics.get']({})).lastChecks).toEqual([{ account: 'me@example.com' }]);
  });

  it("keeps the background's logged errors, newest first", async () => {
    const f = fakeBackground({ now: T0 });
    await f.bg.handlers['reminder.create']({ id: 'a', account: 'me@example.com', thread: thread(1), sentAt: T0 - MIN, due: { at: T0 + HOUR } });
    f.notifications.failWith = new Error('Notifications are turned off');
    f.clock.advance(HOUR + 11 * MIN);
    await f.bg.reconcile('alarm');
    f.clock.advance(MIN);
    await f.bg.reconcile('alarm');

    const { recentErrors } = await f.bg.handlers['diagnostics.get']({});
    expect(recentErrors).toEqual([
      { at: T0 + HOUR + 12 * MIN, message: 'Could not show notifications; retrying: Notifications are turned off' },
      { at: T0 + HOUR + 11 * MIN, message: 'Could not show notifications; retrying: Notifications are turned off' },
    ]);
    // The console still gets them too.
    expect(f.log.errors).toHaveLength(2);
  });

  it('is refused from a Gmail tab', async () => {
    const f = fakeBackground({ now: T0 });
    expect(await route(f, 'diagnostics.get', {}, GMAIL_TAB)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
