/**
 * Print views printed in another zone than the settings say (a Google account
 * set to New York used with settings in Berlin, and the reverse): the page's
 * zone is worked out from the tracked message's exact send time.
 */
import { describe, expect, it } from 'vitest';
import { createReminder, type Anchor, type Reminder } from '../../../src/core/reminder';
import { parsePrintView } from '../../../src/core/replies/print-view';
import { printViewVerdict, readPrintView } from '../../../src/core/replies/print-view-verdict';
import { judgeLook } from '../../../src/core/replies/by-kind';
import { judgeReplies } from '../../../src/core/replies/judge';
import { rulesFor, withStableIds } from '../../../src/core/replies/outcome';
import { defaultSettings } from '../../../src/core/settings';
import { printViewPage, type PageMessage } from '../../fixtures/gmail/print-view/page';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const ME = { email: 'me@example.com', name: 'Me' };
const BOB = { email: 'bob@acme.com', name: 'Bob' };
const BERLIN = 'Europe/Berlin';
const NY = 'America/New_York';
const TOKYO = 'Asia/Tokyo';

/** An exact send time as Gmail's send response gives it (ms, browser clock). */
const SENT = Date.parse('2026-01-13T14:07:23.456Z');
const minuteOf = (t: number) => Math.floor(t / MINUTE) * MINUTE;

/** A thread id as Gmail makes them: the time the thread began (its first message or draft) in the high bits. */
const threadIdAt = (at: number) => ((BigInt(at) << 20n) | 0x2a2a2n).toString(16);

function reminder(sentAt: number, anchor?: Anchor, threadStart = sentAt - DAY): Reminder {
  const thread = { provider: 'gmail' as const, threadId: threadIdAt(threadStart), subject: 'Quote', recipients: [BOB] };
  return createReminder({ id: 'r1', account: ME.email, thread, sentAt, dueAt: sentAt + 3 * DAY, ...(anchor ? { anchor } : {}) }, sentAt);
}

const mine = (at: number): PageMessage => ({ from: ME, to: [BOB], at });
const bob = (at: number): PageMessage => ({ from: BOB, to: [ME], at });

function look(p: {
  pageZone: string;
  settingsZone: string;
  messages: PageMessage[];
  sentAt?: number;
  now?: number;
  hints?: string[];
  anchor?: Anchor;
  /** When the thread began; a day before its first message unless told (a draft saved the day before). */
  threadStart?: number;
}) {
  const sentAt = p.sentAt ?? SENT;
  const html = printViewPage({ account: ME, subject: 'Quote', messages: p.messages, timeZone: p.pageZone });
  const threadStart = p.threadStart ?? Math.min(...p.messages.map((m) => m.at)) - DAY;
  const result = printViewVerdict(html, reminder(sentAt, p.anchor, threadStart), defaultSettings(p.settingsZone), {
    now: p.now ?? Math.max(...p.messages.map((m) => m.at)) + HOUR,
    ...(p.hints ? { hints: p.hints } : {}),
  });
  if ('failure' in result) throw new Error(`look failed: ${result.failure}`);
  return { ...result, html };
}

/** What the reply check did before: every printed date read in the settings zone. */
function settingsZoneOnly(html: string, settingsZone: string, sentAt = SENT) {
  const page = parsePrintView(html, { expectedAccount: ME.email, timeZone: settingsZone });
  if (!page.ok) throw new Error(page.detail);
  return judgeReplies(withStableIds(page.messages), { sentAt }, rulesFor(reminder(sentAt), defaultSettings(settingsZone).replies));
}

const PAIRS = [
  [NY, BERLIN],
  [TOKYO, BERLIN],
  [BERLIN, NY],
  [BERLIN, TOKYO],
] as const;

describe.each(PAIRS)('page printed in %s, settings in %s', (pageZone, settingsZone) => {
  it('a reply 2 h after the send counts, at its real time', () => {
    const { verdict, times, html } = look({ pageZone, settingsZone, messages: [mine(SENT), bob(SENT + 2 * HOUR)] });
    expect(verdict).toMatchObject({ kind: 'replied', by: { email: BOB.email }, at: minuteOf(SENT + 2 * HOUR) });
    expect(verdict.notes.map((n) => n.reason)).toEqual(['own', 'reply']);
    expect(verdict.notes[0]!.at).toBe(minuteOf(SENT));
    expect(times).toBe('calibrated');
    // Read in the settings zone, the same page says something else: this is what calibration fixes.
    if (pageZone === NY || (pageZone === BERLIN && settingsZone === TOKYO)) expect(settingsZoneOnly(html, settingsZone).kind).toBe('no-reply');
  });

  it('a message written 6 h before the send does not count', () => {
    const { verdict, times, html } = look({ pageZone, settingsZone, messages: [bob(SENT - 6 * HOUR), mine(SENT)] });
    expect(verdict.kind).toBe('no-reply');
    expect(verdict.notes.map((n) => n.reason)).toEqual(['before-tracked', 'own']);
    expect(verdict.notes[0]!.at).toBe(minuteOf(SENT - 6 * HOUR));
    expect(times).toBe('calibrated');
    // Tokyo is 8 h ahead of Berlin: read as Berlin time, "6 h before" became 2 h after — a silent resolve.
    if (pageZone === TOKYO) expect(settingsZoneOnly(html, settingsZone).kind).toBe('replied');
  });

  it('both, in one thread with own follow-ups', () => {
    const messages = [bob(SENT - 6 * HOUR), mine(SENT), mine(SENT + 20 * MINUTE), bob(SENT + 2 * HOUR)];
    const { verdict, times } = look({ pageZone, settingsZone, messages });
    expect(verdict.notes.map((n) => n.reason)).toEqual(['before-tracked', 'own', 'own', 'reply']);
    expect(verdict).toMatchObject({ kind: 'replied', at: minuteOf(SENT + 2 * HOUR) });
    expect(times).toBe('calibrated');
  });
});

describe('a DST change inside the thread', () => {
  it('New York page, Berlin settings: sent in EST, replied after the switch to EDT (Mar 8, 2026)', () => {
    const sentAt = Date.parse('2026-03-02T15:04:10.000Z'); // 10:04 EST
    const reply = Date.parse('2026-03-10T13:30:00.000Z'); // 09:30 EDT
    const before = Date.parse('2026-02-20T16:00:00.000Z'); // Bob wrote first, in EST
    const { verdict, times } = look({ pageZone: NY, settingsZone: BERLIN, sentAt, messages: [bob(before), mine(sentAt), bob(reply)] });
    expect(verdict.notes.map((n) => [n.reason, n.at])).toEqual([
      ['before-tracked', before],
      ['own', minuteOf(sentAt)],
      // A fixed −5 h would put it an hour late; read in the zones that had −5 h on Mar 2, most of which switch.
      ['reply', reply],
    ]);
    expect(times).toBe('calibrated');
  });

  it('with New York as a hint (the browser\'s zone) the reading is certain', () => {
    const sentAt = Date.parse('2026-03-02T15:04:10.000Z');
    const html = printViewPage({ account: ME, subject: 'Quote', messages: [mine(sentAt), bob(Date.parse('2026-03-10T13:30:00Z'))], timeZone: NY });
    const r = parsePrintView(html, {
      expectedAccount: ME.email,
      timeZone: BERLIN,
      hints: [NY],
      tracked: { sentAt, isOwn: (e) => e === ME.email },
    });
    expect(r.ok && r.clock).toEqual({ basis: 'calibrated', trackedIndex: 0, offsetMinutes: -300, zone: NY, ambiguous: false, uncertain: 0 });
    expect(r.ok && r.messages[1]!.at).toBe(Date.parse('2026-03-10T13:30:00Z'));
  });

  it('Berlin page, New York settings: sent in CET, a reply after the switch to CEST (Mar 29), one before the send in winter', () => {
    const sentAt = Date.parse('2026-03-20T08:00:30.000Z'); // 09:00 CET
    const reply = Date.parse('2026-04-02T07:15:00.000Z'); // 09:15 CEST
    const { verdict } = look({ pageZone: BERLIN, settingsZone: NY, sentAt, messages: [bob(sentAt - 6 * HOUR), mine(sentAt), bob(reply)] });
    expect(verdict.notes.map((n) => [n.reason, n.at])).toEqual([
      ['before-tracked', minuteOf(sentAt - 6 * HOUR)],
      ['own', minuteOf(sentAt)],
      ['reply', reply],
    ]);
  });

  it('the reply an hour after a send made just before the switch (fall back in New York, Nov 1, 2026)', () => {
    const sentAt = Date.parse('2026-11-01T05:20:00.000Z'); // 01:20 EDT (first pass)
    const reply = Date.parse('2026-11-01T06:50:00.000Z'); // 01:50 EST (second pass): printed earlier than… nothing, order decides
    const { verdict } = look({ pageZone: NY, settingsZone: BERLIN, sentAt, hints: [NY], messages: [mine(sentAt), bob(reply)] });
    expect(verdict).toMatchObject({ kind: 'replied', by: { email: BOB.email } });
  });
});

describe('which of the user\'s messages is the tracked one', () => {
  it('an own follow-up a whole number of hours later fits too: the settings zone decides when it can', () => {
    // Page and settings both in Berlin; the follow-up 3 h later would fit UTC+4.
    const { verdict, times } = look({
      pageZone: BERLIN,
      settingsZone: BERLIN,
      messages: [mine(SENT), bob(SENT + HOUR), mine(SENT + 3 * HOUR)],
    });
    expect(verdict.notes.map((n) => n.reason)).toEqual(['own', 'reply', 'own']);
    expect(verdict.kind).toBe('replied');
    expect(times).toBe('calibrated');
  });

  it('undecided (no hint fits either): the later one, so nothing written before the send can count', () => {
    const { verdict, times } = look({
      pageZone: NY,
      settingsZone: BERLIN,
      messages: [mine(SENT), bob(SENT + HOUR), mine(SENT + 3 * HOUR)],
    });
    // Bob's message may be the reply, but it may also predate the tracked message: kept waiting, and said so.
    expect(verdict.notes.map((n) => n.reason)).toEqual(['own', 'before-tracked', 'own']);
    expect(verdict.kind).toBe('no-reply');
    expect(times).toBe('ambiguous');
    // The browser's zone as a hint settles it.
    expect(look({ pageZone: NY, settingsZone: BERLIN, hints: [NY], messages: [mine(SENT), bob(SENT + HOUR), mine(SENT + 3 * HOUR)] }).verdict.kind).toBe('replied');
  });

  it('a follow-up 30 min later fits UTC+9:30 (Darwin) as well as the send fits Tokyo: the verdict still holds', () => {
    const messages = [bob(SENT - 6 * HOUR), mine(SENT), mine(SENT + 30 * MINUTE), bob(SENT + 2 * HOUR)];
    const { verdict, times } = look({ pageZone: TOKYO, settingsZone: BERLIN, messages });
    expect(verdict.notes.map((n) => n.reason)).toEqual(['before-tracked', 'own', 'own', 'reply']);
    expect(verdict.kind).toBe('replied');
    expect(times).toBe('ambiguous');
  });

  it('a thread Bob began: an own follow-up that would put his first message before the thread began is not the tracked one', () => {
    // Same page as above, but the thread's id holds Bob's first message's time: the follow-up's offset
    // (3 h further east) would date that message 3 h before the thread existed.
    const messages = [bob(SENT - 5 * HOUR), mine(SENT), bob(SENT + HOUR), mine(SENT + 3 * HOUR)];
    const { verdict, times } = look({ pageZone: NY, settingsZone: BERLIN, messages, threadStart: SENT - 5 * HOUR });
    expect(verdict.notes.map((n) => n.reason)).toEqual(['before-tracked', 'own', 'reply', 'own']);
    expect(verdict).toMatchObject({ kind: 'replied', at: minuteOf(SENT + HOUR) });
    expect(times).toBe('calibrated');
    // Without that bound (a thread begun by a draft saved long before), it stays undecided and waits.
    expect(look({ pageZone: NY, settingsZone: BERLIN, messages, threadStart: SENT - 10 * DAY })).toMatchObject({ times: 'ambiguous', verdict: { kind: 'no-reply' } });
  });

  it('an earlier own message whose offset is the settings zone\'s is refused when it would put the page in the future', () => {
    // Settings in Honolulu (UTC−10); the page in New York (UTC−5). The message 5 h before the send fits Honolulu.
    const messages = [mine(SENT - 5 * HOUR), bob(SENT - 2 * HOUR), mine(SENT)];
    const { verdict, times } = look({ pageZone: NY, settingsZone: 'Pacific/Honolulu', messages, now: SENT + 30 * MINUTE });
    expect(verdict.notes.map((n) => n.reason)).toEqual(['own', 'before-tracked', 'own']);
    expect(verdict.kind).toBe('no-reply');
    expect(times).toBe('calibrated');
  });

  it('an alias counts as the user for finding the tracked message', () => {
    const html = printViewPage({
      account: ME,
      subject: 'Quote',
      messages: [{ from: { email: 'Me.Sales@Example.com' }, to: [BOB], at: SENT }, bob(SENT + 2 * HOUR)],
      timeZone: TOKYO,
    });
    const settings = defaultSettings(BERLIN);
    settings.replies.aliases = { [ME.email]: ['me.sales@example.com'] };
    const result = printViewVerdict(html, reminder(SENT), settings, { now: SENT + 3 * HOUR });
    expect(result).toMatchObject({ times: 'calibrated', verdict: { kind: 'replied', at: minuteOf(SENT + 2 * HOUR) } });
  });

  it('a send time from a browser clock 2 minutes off still finds its message; 10 minutes off does not', () => {
    const page = [mine(SENT), bob(SENT + 2 * HOUR)];
    expect(look({ pageZone: NY, settingsZone: BERLIN, sentAt: SENT - 2 * MINUTE, messages: page }).times).toBe('calibrated');
    // Not found: the settings zone is all there is, and the check says so.
    const far = look({ pageZone: NY, settingsZone: BERLIN, sentAt: SENT - 10 * MINUTE, messages: page });
    expect(far.times).toBe('settings-zone');
  });
});

describe('no message to calibrate against', () => {
  it('the tracked message is not on the page: settings zone, and the result says so', () => {
    const html = printViewPage({ account: ME, subject: 'Quote', messages: [bob(SENT + 2 * HOUR)], timeZone: BERLIN });
    const r = parsePrintView(html, { expectedAccount: ME.email, timeZone: BERLIN, tracked: { sentAt: SENT, isOwn: (e) => e === ME.email } });
    expect(r.ok && r.clock).toEqual({ basis: 'settings-zone', zone: BERLIN, why: 'not-found' });
    expect(look({ pageZone: BERLIN, settingsZone: BERLIN, messages: [bob(SENT + 2 * HOUR)] })).toMatchObject({ times: 'settings-zone', verdict: { kind: 'replied' } });
  });

  it('a reminder counted from its click tracks no message: settings zone, never an own message taken for it', () => {
    // The user's message 3 h before the click would fit UTC+4 by chance; it must not be taken.
    const clicked = SENT + 3 * HOUR;
    const { verdict, times } = look({ pageZone: BERLIN, settingsZone: BERLIN, sentAt: clicked, anchor: 'added', messages: [mine(SENT), bob(SENT + HOUR), bob(clicked + HOUR)] });
    expect(times).toBe('settings-zone');
    expect(verdict.notes.map((n) => n.reason)).toEqual(['own', 'before-tracked', 'reply']);
  });
});

describe('an owed reply read from a print view in another zone', () => {
  /** Bob's request received at RECEIVED (exact, from its Gmail id); the page printed in New York, settings in Berlin. */
  const RECEIVED = SENT;
  const owed = createReminder(
    { id: 'o1', account: ME.email, kind: 'owed-reply', thread: { provider: 'gmail', threadId: threadIdAt(RECEIVED - 3 * DAY), subject: 'Quote', recipients: [BOB] }, sentAt: RECEIVED, dueAt: RECEIVED + 3 * DAY },
    RECEIVED,
  );
  const read = (messages: PageMessage[]) => {
    const html = printViewPage({ account: ME, subject: 'Quote', messages, timeZone: NY });
    const look = readPrintView(html, owed, defaultSettings(BERLIN), { now: RECEIVED + DAY });
    if ('failure' in look) throw new Error(look.failure);
    return judgeLook(owed, look.messages, rulesFor(owed, defaultSettings(BERLIN).replies, BERLIN), 'print-view', RECEIVED + DAY, look);
  };

  it("calibrates on the received message (Bob's), so the user's answer 20 minutes later answers it", () => {
    const result = read([mine(RECEIVED - 2 * DAY), bob(RECEIVED), mine(RECEIVED + 20 * MINUTE)]);
    expect(result.check).toMatchObject({ outcome: 'answered', times: 'calibrated' });
    expect(result.event).toMatchObject({ type: 'reply', resolution: { kind: 'answered', at: minuteOf(RECEIVED + 20 * MINUTE) } });
  });

  it('an own message from before the request, read in the wrong zone, would look later: calibrated, it stays owed', () => {
    // Six hours' difference: read in Berlin, a message from 3 hours before the request would seem 3 hours after it.
    const result = read([bob(RECEIVED - DAY), mine(RECEIVED - 3 * HOUR), bob(RECEIVED)]);
    expect(result.check).toMatchObject({ outcome: 'no-reply', times: 'calibrated' });
    expect(result.event).toBeUndefined();
  });
});
