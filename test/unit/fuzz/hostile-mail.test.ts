/**
 * Hostile mail content end to end through the background: created from a
 * Gmail tab, stored as given, announced as cleaned and bounded text,
 * exported and imported byte for byte, escaped in the calendar file.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeText } from '../../../src/core/backup/ics';
import type { Reminder } from '../../../src/core/reminder';
import { fakeBackground, GMAIL_TAB, userSettings } from '../background/fakes';
import { createAll, createPayload, HOSTILE, HOUR, MALFORMED_ADDRESSES, send, T0 } from './hostile';
import { nastyString, runs } from './arbitraries';

type F = ReturnType<typeof fakeBackground>;
const byId = (rs: Reminder[]) => [...rs].sort((a, b) => (a.id < b.id ? -1 : 1));

/** What notification-text.ts strips: C0, DEL, C1 and every bidi control. */
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_NOTIFICATION = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

function background(digest = false): F {
  return fakeBackground({ now: T0, settings: { ...userSettings(), notifications: { requireInteraction: true, startupDigest: digest } } });
}

describe('hostile mail content', () => {
  it('is stored exactly as given (addresses normalised, text untouched)', async () => {
    const f = background();
    const replies = await createAll(f);
    for (const [i, reply] of replies.entries()) {
      expect(reply, HOSTILE[i]!.name).toMatchObject({ ok: true, data: { outcome: 'created' } });
      const stored = await f.bg.store.get(`hostile-${i}`);
      expect(stored!.thread.subject).toBe(HOSTILE[i]!.subject);
      expect(stored!.thread.recipients).toEqual(
        HOSTILE[i]!.recipients.map((r) => ({ ...r, email: r.email.trim().toLowerCase() })),
      );
    }
  });

  it('a subject over the limit is refused with a clear message, storing nothing', async () => {
    const f = background();
    for (const subject of ['x'.repeat(10_000), '<script>'.repeat(1_250), '😀'.repeat(5_000)]) {
      const reply = await f.bg.route({ v: 1, type: 'reminder.create', payload: createPayload({ name: 'long', subject, recipients: [] }, 0) }, GMAIL_TAB);
      expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
      if (reply.ok) continue;
      expect(reply.error.message).toMatch(/length/i);
      expect(reply.error.message.length).toBeLessThanOrEqual(1200);
    }
    expect(await f.bg.store.all()).toEqual([]);
  });

  it.each(MALFORMED_ADDRESSES.map((a) => [JSON.stringify(a), a]))('a recipient or account %s is refused with a clear message', async (_, address) => {
    const f = background();
    const base = createPayload(HOSTILE[0]!, 0);
    for (const payload of [
      { ...base, thread: { ...base.thread, recipients: [{ email: address, name: 'Bob' }] } },
      { ...base, account: address },
    ]) {
      const reply = await f.bg.route({ v: 1, type: 'reminder.create', payload }, GMAIL_TAB);
      expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
      if (!reply.ok) {
        expect(reply.error.message).toMatch(/e-mail address|length/i);
        expect(reply.error.message.length).toBeLessThanOrEqual(1200);
      }
    }
    expect(await f.bg.store.all()).toEqual([]);
  });

  it.each([false, true])('notifications show cleaned, bounded text (digest: %s)', async (digest) => {
    const f = background(digest);
    await createAll(f);
    f.clock.advance(2 * HOUR + 11 * 60_000 * 2);
    await f.bg.reconcile('alarm');
    expect(f.notifications.created.length).toBeGreaterThan(0);
    if (!digest) expect(f.notifications.created).toHaveLength(HOSTILE.length);
    for (const { options } of f.notifications.created) {
      for (const field of [options.title, options.message, options.contextMessage ?? '']) {
        // The digest joins its lines with \n; nothing else of the mail may carry a control.
        expect(field.replace(/\n/g, ' ')).not.toMatch(UNSAFE_IN_NOTIFICATION);
      }
      expect(options.title.length).toBeLessThanOrEqual(200);
      if (!digest) expect(options.message.length).toBeLessThanOrEqual(200);
      // A digest line's recipients are not clipped, only bounded by the schema (2 names × 320 + subject 200).
      else for (const line of options.message.split('\n')) expect(line.length).toBeLessThanOrEqual(900);
      expect((options.contextMessage ?? '').length).toBeLessThanOrEqual(700);
    }
  });

  it('export → import → export is byte-identical, and the text survives unchanged', async () => {
    const a = background();
    await createAll(a);
    await a.bg.handlers['reminder.snooze']({ id: 'hostile-1', due: { at: T0 + 5 * HOUR } });
    const first = await send(a, 'data.export', {});
    expect(first.ok).toBe(true);
    if (!first.ok) return;

    const b = fakeBackground({ now: T0, settings: null });
    const imported = await send(b, 'data.import', { json: first.data.json });
    expect(imported).toEqual({ ok: true, data: { imported: HOSTILE.length, replaced: 0 } });
    const second = await send(b, 'data.export', {});
    expect(second).toEqual(first);
    expect(byId(await b.bg.store.all())).toEqual(byId(await a.bg.store.all()));
  });

  it('export → import round-trips random mail text byte for byte', async () => {
    await fc.assert(
      fc.asyncProperty(nastyString(120), nastyString(40), async (subject, name) => {
        const a = background();
        const reply = await a.bg.route(
          { v: 1, type: 'reminder.create', payload: createPayload({ name: 'random', subject, recipients: [{ email: 'r@evil.example', name }] }, 0) },
          GMAIL_TAB,
        );
        expect(reply.ok).toBe(true);
        const { json } = await a.bg.handlers['data.export']({});
        const b = fakeBackground({ now: T0, settings: null });
        await b.bg.handlers['data.import']({ json });
        expect((await b.bg.handlers['data.export']({})).json).toBe(json);
        const r = (await b.bg.store.get('hostile-0'))!;
        expect(r.thread.subject).toBe(subject);
        expect(r.thread.recipients[0]!.name).toBe(name);
      }),
      runs(40),
    );
  }, 30_000);

  it('the calendar export escapes every field: no injected line, no raw break, lines ≤ 75 octets', async () => {
    const f = background();
    await createAll(f);
    const reply = await send(f, 'data.exportIcs', {});
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    const { ics } = reply.data;
    expect(ics.endsWith('\r\n')).toBe(true);
    const physical = ics.slice(0, -2).split('\r\n');
    const encoder = new TextEncoder();
    for (const line of physical) {
      expect(line).not.toMatch(/[\r\n]/);
      expect(encoder.encode(line).length, line).toBeLessThanOrEqual(75);
    }
    // Unfold (RFC 5545 §3.1) and check that only our own properties are there.
    const lines = ics.replace(/\r\n /g, '').slice(0, -2).split('\r\n');
    const names = new Set(lines.map((l) => /^[A-Z-]+/.exec(l)?.[0]));
    expect([...names].sort()).toEqual(
      ['BEGIN', 'CALSCALE', 'CATEGORIES', 'X-FOLLOW-THROUGH-KIND', 'DESCRIPTION', 'DTSTAMP', 'DTSTART', 'DURATION', 'END', 'METHOD', 'PRODID', 'SUMMARY', 'UID', 'URL', 'VERSION'].sort(),
    );
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(HOSTILE.length);
    expect(lines.filter((l) => l === 'END:VEVENT')).toHaveLength(HOSTILE.length);
    const summaries = lines.filter((l) => l.startsWith('SUMMARY:'));
    // New reminders repeat until answered: each event is the first follow-up of its chain.
    expect(summaries.sort()).toEqual(HOSTILE.map((c) => `SUMMARY:${escapeText(`Follow-up 1 of 3: ${c.subject}`)}`).sort());
    for (const l of lines) {
      // eslint-disable-next-line no-control-regex
      expect(l).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/);
      // Every comma and semicolon of a TEXT value is escaped.
      if (l.startsWith('SUMMARY:') || l.startsWith('DESCRIPTION:')) expect(l.replace(/\\\\/g, '')).not.toMatch(/(^|[^\\])[,;]/);
    }
  });
});
