// @vitest-environment happy-dom
/**
 * The open thread (a Gmail tab) dated without assuming a zone: exact times
 * from Gmail's message ids, date titles calibrated against them, and
 * after-the-fact reminders anchored to the user's own newest message.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { byId, load } from '../gmail-dom/dom';
import { anchorFor } from '../../../src/content/controller/anchor';
import { observedMessages } from '../../../src/content/controller/observe-thread';
import { startGmailIntegration } from '../../../src/content/controller/page';
import { idTime, legacyIdTime, threadTimes } from '../../../src/content/gmail/message-time';
import { threadMessages, visibleThread } from '../../../src/content/gmail/thread-view';
import { judgeReplies } from '../../../src/core/replies/judge';
import { withStableIds } from '../../../src/core/replies/outcome';
import { defaultSettings } from '../../../src/core/settings';
import { fakeDeps, NOW, onlyShadow, setPageUrl, settle } from './harness';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const ME = { email: 'me@example.com', name: 'Me Myself' };
const BOB = { email: 'bob@example.com', name: 'Bob Builder' };
const NY = 'America/New_York';
const TOKYO = 'Asia/Tokyo';
const BERLIN = 'Europe/Berlin';
const REPLIES = defaultSettings(BERLIN).replies;

/** A legacy message id for a send time: the ms in the high bits, anything in the low 20. */
const legacyHex = (at: number, salt: number) => ((BigInt(at) << 20n) | BigInt(0x5a5a5 + salt)).toString(16);

/** "Mon, Jun 2, 2025, 9:15 AM" as Gmail's UI shows a date in its title, in `zone`. */
function titleFor(at: number, zone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit', hour12: true }).format(at);
}

type IdKind = 'legacy' | 'msg-f' | 'client';

/** Rewrites message k (1–3) of thread-view-en.html: its ids, its date title, and maybe its sender. */
function setMessage(k: 1 | 2 | 3, p: { at: number; zone: string; id: IdKind; from?: { email: string; name: string } }) {
  const m = byId(document, `:m${k}`);
  const hex = legacyHex(p.at, k);
  m.removeAttribute('data-legacy-message-id');
  if (p.id === 'client') m.setAttribute('data-message-id', `#msg-a:r-${4242 + k}`);
  else m.setAttribute('data-message-id', `#msg-f:${BigInt(`0x${hex}`).toString(10)}`);
  if (p.id === 'legacy') m.setAttribute('data-legacy-message-id', hex);
  byId(document, `:d${k}`).setAttribute('title', titleFor(p.at, p.zone));
  if (p.from) {
    const sender = m.querySelector('.gD')!;
    sender.setAttribute('email', p.from.email);
    sender.setAttribute('name', p.from.name);
    sender.setAttribute('data-hovercard-id', p.from.email);
  }
}

const shownMessages = () => threadMessages(document, visibleThread(document)!);

/** The three messages of thread-view-en.html (me, Alice, Bob), re-dated. */
function thread(spec: { at: number; zone: string; id: IdKind; from?: { email: string; name: string } }[]) {
  load('thread-view-en.html');
  spec.forEach((p, i) => setMessage((i + 1) as 1 | 2 | 3, p));
  return shownMessages();
}

/** What the background decides from what the tab sends (reply-handlers: withStableIds + judgeReplies). */
function verdictOf(sentAt: number, hints: string[] = []) {
  const observed = observedMessages(shownMessages(), hints)!;
  return judgeReplies(withStableIds(observed), { sentAt }, { ownAddresses: [ME.email], plusAddressing: false, autoRepliesCount: false, ignoredIds: [] });
}

describe('times from Gmail message ids', () => {
  it('the legacy hex id and the msg-f decimal are the same number and give the same exact time', () => {
    // The 2022 send response: message 18333b13345c3a42, whose own server time is 1663019594565 (21:53:14.565 Z).
    expect(legacyIdTime('18333b13345c3a42')).toBe(1663019594565);
    const decimal = BigInt('0x18333b13345c3a42').toString(10);
    expect(idTime({ messageId: `msg-f:${decimal}` })).toBe(1663019594565);
    expect(idTime({ legacyMessageId: '18333b13345c3a42', messageId: `msg-f:${decimal}` })).toBe(1663019594565);
    expect(idTime({ messageId: 'msg-a:r-4242424242424242424' })).toBeUndefined();
    expect(idTime({ messageId: 'msg-f:99999999999999999999999' })).toBeUndefined();
  });

  it('a message with only its msg-f id still gets its exact time', () => {
    const sent = Date.parse('2026-01-13T14:07:23.456Z');
    thread([
      { at: sent, zone: NY, id: 'msg-f' },
      { at: sent + HOUR, zone: NY, id: 'legacy' },
      { at: sent + 2 * HOUR, zone: NY, id: 'msg-f' },
    ]);
    expect(threadTimes(shownMessages())).toEqual([
      { at: sent, exact: true },
      { at: sent + HOUR, exact: true },
      { at: sent + 2 * HOUR, exact: true },
    ]);
  });
});

describe.each([
  [NY, BERLIN],
  [TOKYO, BERLIN],
  [BERLIN, NY],
])('open tab showing times in %s (browser zone hint %s)', (uiZone, hint) => {
  const sent = Date.parse('2026-01-13T14:07:23.456Z');

  it('a reply 2 h after the send counts, one 6 h before does not — with exact ids', () => {
    thread([
      { at: sent - 6 * HOUR, zone: uiZone, id: 'legacy', from: BOB },
      { at: sent, zone: uiZone, id: 'legacy', from: ME },
      { at: sent + 2 * HOUR, zone: uiZone, id: 'legacy', from: BOB },
    ]);
    const v = verdictOf(sent, [hint]);
    expect(v.notes.map((n) => n.reason)).toEqual(['before-tracked', 'reply', 'reply'].map((r, i) => (i === 1 ? 'own' : r)));
    expect(v).toMatchObject({ kind: 'replied', at: sent + 2 * HOUR });
  });

  it('a reply whose id carries no time is dated from its title, calibrated against the others', () => {
    thread([
      { at: sent - 6 * HOUR, zone: uiZone, id: 'legacy', from: BOB },
      { at: sent, zone: uiZone, id: 'legacy', from: ME },
      { at: sent + 2 * HOUR, zone: uiZone, id: 'client', from: BOB },
    ]);
    const times = threadTimes(shownMessages(), [hint]);
    expect(times[2]).toEqual({ at: Math.floor((sent + 2 * HOUR) / MINUTE) * MINUTE, exact: false });
    expect(verdictOf(sent, [hint])).toMatchObject({ kind: 'replied', at: Math.floor((sent + 2 * HOUR) / MINUTE) * MINUTE });
  });

  it('a message 6 h before the send, known only by its title, does not count', () => {
    thread([
      { at: sent - 6 * HOUR, zone: uiZone, id: 'client', from: BOB },
      { at: sent, zone: uiZone, id: 'legacy', from: ME },
      { at: sent + 30 * MINUTE, zone: uiZone, id: 'legacy', from: ME },
    ]);
    const v = verdictOf(sent, [hint]);
    expect(v.kind).toBe('no-reply');
    expect(v.notes[0]).toMatchObject({ reason: 'before-tracked', at: Math.floor((sent - 6 * HOUR) / MINUTE) * MINUTE });
  });
});

describe('open tab: a DST change inside the thread', () => {
  it('New York UI, no hint: a title after the switch is read with the offset after it (the points span it)', () => {
    const before = Date.parse('2026-03-02T15:04:10.000Z'); // EST
    const sent = Date.parse('2026-03-09T15:00:00.000Z'); // EDT, the day after the switch
    const reply = Date.parse('2026-03-12T13:30:00.000Z'); // EDT
    thread([
      { at: before, zone: NY, id: 'legacy', from: BOB },
      { at: sent, zone: NY, id: 'legacy', from: ME },
      { at: reply, zone: NY, id: 'client', from: BOB },
    ]);
    expect(threadTimes(shownMessages(), [BERLIN])[2]).toEqual({ at: reply, exact: false });
    expect(verdictOf(sent, [BERLIN])).toMatchObject({ kind: 'replied', at: reply });
  });

  it('Berlin UI: an untimed message in winter, calibrated from summer messages, is still read in CET', () => {
    const early = Date.parse('2026-03-20T08:00:00.000Z'); // 09:00 CET
    thread([
      { at: early, zone: BERLIN, id: 'client', from: BOB },
      { at: Date.parse('2026-04-02T07:15:30.000Z'), zone: BERLIN, id: 'legacy', from: ME },
      { at: Date.parse('2026-04-03T09:00:00.000Z'), zone: BERLIN, id: 'legacy', from: BOB },
    ]);
    // No hint fits: the zones with CEST on both dates mostly had CET on Mar 20.
    expect(threadTimes(shownMessages(), [NY])[0]).toEqual({ at: early, exact: false });
  });
});

describe('open tab: nothing to calibrate against', () => {
  it('titles that no zone explains (fixtures as shipped: ids from 2017, titles from 2025): no time for the untimed message', () => {
    load('thread-view-de.html');
    const times = threadTimes(shownMessages(), [BERLIN]);
    expect(times.at(-1)).toEqual({ exact: false });
  });
});

describe('anchoring a reminder added to an open thread', () => {
  const sent = Date.parse('2026-01-13T14:07:23.456Z');
  const now = sent + 5 * HOUR;

  it('the user\'s own message is the newest: count from it, with the exact time its id holds', () => {
    const messages = thread([
      { at: sent - 3 * HOUR, zone: TOKYO, id: 'legacy', from: BOB },
      { at: sent - HOUR, zone: TOKYO, id: 'legacy', from: BOB },
      { at: sent, zone: TOKYO, id: 'legacy', from: ME },
    ]);
    expect(anchorFor(messages, ME.email, REPLIES, now)).toEqual({ sentAt: sent, anchor: 'message' });
  });

  it('as shipped, thread-view-en.html ends with Bob\'s message: count from the click', () => {
    load('thread-view-en.html');
    expect(anchorFor(shownMessages(), ME.email, REPLIES, now)).toEqual({ sentAt: now, anchor: 'added' });
  });

  it('an alias counts as the user', () => {
    const messages = thread([
      { at: sent - 3 * HOUR, zone: NY, id: 'legacy', from: BOB },
      { at: sent - HOUR, zone: NY, id: 'legacy', from: BOB },
      { at: sent, zone: NY, id: 'legacy', from: { email: 'sales@example.com', name: 'Sales' } },
    ]);
    expect(anchorFor(messages, ME.email, REPLIES, now)).toEqual({ sentAt: now, anchor: 'added' });
    expect(anchorFor(messages, ME.email, { ...REPLIES, aliases: { [ME.email]: ['sales@example.com'] } }, now)).toEqual({ sentAt: sent, anchor: 'message' });
  });

  it('just sent (client id only): its title, calibrated against the thread, to the minute', () => {
    const messages = thread([
      { at: sent - 3 * HOUR, zone: NY, id: 'legacy', from: BOB },
      { at: sent - HOUR, zone: NY, id: 'legacy', from: ME },
      { at: sent, zone: NY, id: 'client', from: ME },
    ]);
    expect(anchorFor(messages, ME.email, REPLIES, now, [BERLIN])).toEqual({ sentAt: Math.floor(sent / MINUTE) * MINUTE, anchor: 'message' });
  });

  it('just sent with nothing to calibrate against, or a time after the click: from the click', () => {
    load('thread-view-de.html');
    expect(anchorFor(shownMessages(), 'ich@example.de', REPLIES, now)).toEqual({ sentAt: now, anchor: 'added' });
    const future = thread([
      { at: sent - 3 * HOUR, zone: NY, id: 'legacy', from: BOB },
      { at: sent - HOUR, zone: NY, id: 'legacy', from: BOB },
      { at: now + HOUR, zone: NY, id: 'legacy', from: ME },
    ]);
    expect(anchorFor(future, ME.email, REPLIES, now)).toEqual({ sentAt: now, anchor: 'added' });
  });
});

describe('the thread control creates an anchored reminder', () => {
  let stop: (() => void) | undefined;
  afterEach(() => {
    stop?.();
    stop = undefined;
  });

  it('from the toolbar, on a thread whose newest message is the user\'s', async () => {
    setPageUrl('https://mail.google.com/mail/u/0/#inbox/15f1123136926bff');
    const sent = NOW - 26 * HOUR + 1234;
    thread([
      { at: sent - 3 * HOUR, zone: TOKYO, id: 'legacy', from: ME },
      { at: sent - HOUR, zone: TOKYO, id: 'legacy', from: BOB },
      { at: sent, zone: TOKYO, id: 'legacy', from: ME },
    ]);
    const fake = fakeDeps();
    stop = startGmailIntegration(fake.deps);
    await settle();
    const shadow = onlyShadow(byId(document, ':thread-mtb'));
    shadow.querySelector<HTMLButtonElement>('button.btn')!.click();
    await settle();
    shadow.querySelector<HTMLButtonElement>('[role=group] button.item')!.click();
    await settle();
    expect(fake.of('reminder.create')).toHaveLength(1);
    expect(fake.of('reminder.create')[0]).toMatchObject({ sentAt: sent, anchor: 'message', thread: { threadId: '15f1123136926bff' } });
    expect(fake.invalid).toEqual([]);
  });
});
