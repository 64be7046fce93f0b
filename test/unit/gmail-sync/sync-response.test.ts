import { describe, expect, it } from 'vitest';
import { looksLikeEmail, MAX_BODY_CHARS } from '../../../src/content/bridge-protocol';
import { parseSendRequest, parseSendResponse, type SentMessage } from '../../../src/content/gmail/sync-response';
import { pair, seeded } from './fixtures';
import { scheduledCvOnSend } from '../../fixtures/gmail/sync-scheduled';

/**
 * Expected values, read by hand from the JSON samples. Hex ↔ decimal were
 * converted independently (python `int(hex, 16)`), not with the parser.
 */
const EXPECTED: Record<string, SentMessage> = {
  cvOnSend: {
    clientMessageId: 'msg-a:r8190137112111191537',
    clientThreadId: 'thread-a:r263523620390330024',
    threadId: '183234ce86ffa010',
    permThreadId: 'thread-f:1743514067378610192',
    serverMessageId: 'msg-f:1743514188288836069', // 183234eaadcf41e5
    rfcMessageId: '<CAFsK+UQf12W_Efo3+hwj+BWb+sk8DaGQkrOoBOU38nHafAHJ4Q@mail.gmail.com>',
    subject: 'subject_111', // the response says "": taken from the request
    from: { email: 'test@gmail.com', name: 'Test Test' },
    recipients: [{ email: 'test+1@gmail.com', name: 'Test Test' }],
    sentAt: 1662744701149,
  },
  cvOnSend_3: {
    clientMessageId: 'msg-a:r-329565169840451245',
    clientThreadId: 'thread-a:r-8891700334768116294',
    threadId: '183fcc554fa6f2dd',
    permThreadId: 'thread-f:1747339847223669469',
    serverMessageId: 'msg-f:1747339879177513592', // 183fcc5cc03fea78
    rfcMessageId: '<CAGx7AOQiYaKpc6Zb5=+mRqU3K-WF+G3KxmmaYKdzCisHqSaRAQ@mail.gmail.com>',
    subject: 'test subject',
    from: { email: 'test@test.com', name: 'test test' },
    recipients: [
      { email: 'test+to@test.com', name: 'test to' },
      { email: 'test+cc@test.com', name: 'test cc' },
      { email: 'test+bcc@test.com', name: 'test bcc' },
    ],
    sentAt: 1666393164210,
  },
  cvOnReplySend: {
    clientMessageId: 'msg-a:r-414184523264894368',
    clientThreadId: 'thread-a:r-474834441621213468',
    threadId: '18332e4292f304f1',
    permThreadId: 'thread-f:1743788344190633201',
    serverMessageId: 'msg-f:1743790942049716111', // 1833309f6f6ac78f
    rfcMessageId: '<CAFxDt-NBAWENo5CdNqGdhzQcsu9rvLERnKDGh_4h5ikqnpf8wA@mail.gmail.com>',
    subject: 'Re: tracking test',
    from: { email: 'test@streak.com', name: 'Test Test' },
    recipients: [{ email: 'test@streak.com', name: 'Test Test' }],
    sentAt: 1663008634218,
  },
  cvOnReplySend_2: {
    clientMessageId: 'msg-a:r2026878197680476540',
    threadId: '18333b13345c3a42',
    permThreadId: 'thread-f:1743802434391390786',
    serverMessageId: 'msg-f:1743802486513399385', // 18333b1f5712f659
    // Not the In-Reply-To <CAFxDt-Pv7d2…> that the request and References carry.
    rfcMessageId: '<CAFxDt-NiTcOcChGTdnjfqAW4x-A6VaVkW=jd2y8jE1bJajCULg@mail.gmail.com>',
    subject: 'Re: hey2',
    // The response's "emails" are anonymised ("Test Test"): these come from the request.
    from: { email: 'test@streak.com', name: 'Test Test' },
    recipients: [{ email: 'test@streak.com', name: 'Test Test' }],
    sentAt: 1663019643605,
  },
  cvOnReplySend_3: {
    clientMessageId: 'msg-a:r7241715802500133864',
    clientThreadId: 'thread-a:r-1030145228305804508',
    threadId: '183fcbe5afa22467',
    permThreadId: 'thread-f:1747339367797630055',
    serverMessageId: 'msg-f:1747339740491818334', // 183fcc3c75f0255e
    rfcMessageId: '<CAGx7AOR_=mWqD-p+Di3YbkA+zKP5Hk57LOhMUY5J1-=rCF+Vmg@mail.gmail.com>',
    subject: 'Re: test subject',
    from: { email: 'test@test.com', name: 'test test' },
    recipients: [
      { email: 'test+to@test.com', name: 'test to' },
      { email: 'test+cc@test.com', name: 'test cc' },
      { email: 'test+cc2@test.com' },
      { email: 'test+bcc2@test.com', name: 'test bcc2' },
    ],
    sentAt: 1666393031985,
  },
  cvOnReplySend_4: {
    clientMessageId: 'msg-a:r9206449609684993976',
    clientThreadId: 'thread-a:r-2602384757092328293',
    threadId: '185c12a5072cb2fa',
    permThreadId: 'thread-f:1755298454766924538',
    serverMessageId: 'msg-f:1755299133976916043', // 185c13432b3eb04b
    rfcMessageId: '<CAGx7AOREcWgHg9fjp0oT3hV4kt_6Wu6O0W9-hzuFuv2jbQdbVw@mail.gmail.com>',
    subject: 'Re: test_subject',
    from: { email: 'test@test.com', name: 'Test Test' },
    recipients: [{ email: 'test+to@gmail.com', name: 'Test Test' }],
    sentAt: 1673983701144,
  },
  cvOnReplySend_5: {
    clientMessageId: 'msg-a:r5645180764593433440',
    clientThreadId: 'thread-a:r-7504980498209780070',
    threadId: '185c1536996a61dc',
    permThreadId: 'thread-f:1755301279013954012',
    serverMessageId: 'msg-f:1755301294945504437', // 185c153a4f028cb5
    rfcMessageId: '<CAGx7AOTGUP2_JUYoZioTKJLFOx1L0-Rhuzd2h9KwOgDr2ZXrWw@mail.gmail.com>',
    subject: 'Re: test subject 4',
    // The response (what the server stored) wins over the request's sender.
    from: { email: 'test+from@gmail.com', name: 'test from' },
    recipients: [{ email: 'test+to@gmail.com', name: 'test to' }],
    sentAt: 1673985762041,
  },
};
// Same send as cvOnSend, sent to a custom thread id `thread-a:…|msg-a:…`.
EXPECTED.cvOnSend_2_customThreadId = EXPECTED.cvOnSend!;
// cvOnSend_3 plus a draft save of the cvOnSend message (labels ^r, ^r_bt).
EXPECTED.cvOnSend_4 = EXPECTED.cvOnSend_3!;

const NAMES = Object.keys(EXPECTED);

function hexToDec(hex: string): string {
  return BigInt(`0x${hex}`).toString(10);
}

function wellFormed(list: unknown): void {
  expect(Array.isArray(list)).toBe(true);
  for (const m of list as SentMessage[]) {
    expect(typeof m.subject).toBe('string');
    expect(m.subject.length).toBeLessThanOrEqual(2000);
    expect(Array.isArray(m.recipients)).toBe(true);
    for (const r of m.recipients) {
      expect(looksLikeEmail(r.email)).toBe(true);
      expect(r.email).toBe(r.email.toLowerCase());
    }
    if (m.from) expect(looksLikeEmail(m.from.email)).toBe(true);
    if (m.clientMessageId !== undefined) expect(m.clientMessageId).toMatch(/^msg-a:r-?\d+$/);
    if (m.serverMessageId !== undefined) expect(m.serverMessageId).toMatch(/^msg-f:\d+$/);
    if (m.clientThreadId !== undefined) expect(m.clientThreadId).toMatch(/^thread-a:r-?\d+$/);
    expect(m.permThreadId === undefined).toBe(m.threadId === undefined);
    if (m.threadId !== undefined) expect(`thread-f:${hexToDec(m.threadId)}`).toBe(m.permThreadId);
    if (m.rfcMessageId !== undefined) expect(m.rfcMessageId).toMatch(/^<[^<>\s]+@[^<>\s]+>$/);
    if (m.sentAt !== undefined) expect(Number.isSafeInteger(m.sentAt)).toBe(true);
  }
}

describe('parseSendResponse on the 2022 samples (with the request)', () => {
  it.each(NAMES)('%s', (name) => {
    const { request, response } = pair(name);
    const got = parseSendResponse(response, request);
    expect(got).toEqual([EXPECTED[name]]);
    wellFormed(got);
  });

  it('the thread hex and the thread-f id are one number (cvOnReplySend_2)', () => {
    expect(hexToDec('18333b13345c3a42')).toBe('1743802434391390786');
    const [m] = parseSendResponse(pair('cvOnReplySend_2').response, pair('cvOnReplySend_2').request);
    expect(m?.threadId).toBe('18333b13345c3a42');
    expect(m?.permThreadId).toBe('thread-f:1743802434391390786');
  });

  it('message hex >> 20 is the server time, close to sentAt', () => {
    for (const name of NAMES) {
      const m = EXPECTED[name]!;
      const hex = BigInt(m.serverMessageId!.slice('msg-f:'.length));
      const serverTime = Number(hex >> 20n);
      expect(serverTime - m.sentAt!).toBeGreaterThan(0);
      expect(serverTime - m.sentAt!).toBeLessThan(1000);
    }
  });
});

describe('parseSendResponse without a request', () => {
  it.each(NAMES)('%s: the newest ^f message per thread', (name) => {
    const got = parseSendResponse(pair(name).response);
    const want = EXPECTED[name]!;
    expect(got).toHaveLength(1);
    const m = got[0]!;
    for (const key of ['clientMessageId', 'serverMessageId', 'threadId', 'permThreadId', 'rfcMessageId', 'sentAt'] as const) {
      expect(m[key]).toBe(want[key]);
    }
    wellFormed(got);
  });

  it('falls back to what the response alone says', () => {
    // cvOnSend: empty subject in the response.
    expect(parseSendResponse(pair('cvOnSend').response)[0]?.subject).toBe('');
    // cvOnReplySend_2: anonymised addresses are not emails, so none are reported.
    const [m] = parseSendResponse(pair('cvOnReplySend_2').response);
    expect(m?.from).toBeUndefined();
    expect(m?.recipients).toEqual([]);
    expect(m?.clientThreadId).toBeUndefined();
  });

  it('cvOnReplySend_4: picks by time, not by position (the sent message is 3rd of 4)', () => {
    expect(parseSendResponse(pair('cvOnReplySend_4').response)[0]?.clientMessageId).toBe('msg-a:r9206449609684993976');
  });

  it('accepts the )]}\' XSSI prefix', () => {
    const body = `)]}'\n${pair('cvOnSend_3').response}`;
    expect(parseSendResponse(body, pair('cvOnSend_3').request)).toEqual([EXPECTED.cvOnSend_3]);
  });
});

describe('requests that send nothing', () => {
  it('a draft save yields []', () => {
    const req = JSON.parse(pair('cvOnSend_4').request) as unknown[][][];
    req[1]![0] = [req[1]![0]![0]]; // keep only the draft op (labels ^r, ^r_bt)
    const body = JSON.stringify(req);
    expect(parseSendRequest(body)?.map((m) => m.draft)).toEqual([true]);
    expect(parseSendResponse(pair('cvOnSend_4').response, body)).toEqual([]);
    expect(parseSendResponse(pair('cvOnSend').response, body)).toEqual([]);
  });

  it('a label change yields []', () => {
    const req = JSON.parse(pair('cvOnReplySend_2').request) as unknown[][][];
    req[1]![0] = [req[1]![0]![1]]; // only op 9: ^io_re / ^io_fwd on the thread
    const body = JSON.stringify(req);
    expect(parseSendRequest(body)).toEqual([]);
    expect(parseSendResponse(pair('cvOnReplySend_2').response, body)).toEqual([]);
  });

  it('a response whose only message is a draft yields [] even without the request', () => {
    const res = JSON.parse(pair('cvOnSend_4').response) as unknown[][][];
    (res[1]![5] as unknown[]).splice(1, 1); // drop the sent thread, keep the draft one
    expect(parseSendResponse(JSON.stringify(res))).toEqual([]);
  });
});

describe('parseSendRequest', () => {
  it('finds the send op wherever it sits in the payload', () => {
    // cvOnReplySend_5: the send is the second op, at payload[1].
    const got = parseSendRequest(pair('cvOnReplySend_5').request);
    expect(got).toEqual([
      {
        clientMessageId: 'msg-a:r5645180764593433440',
        clientThreadId: 'thread-a:r-7504980498209780070',
        draft: false,
        subject: 'Re: test subject 4',
        from: { email: 'test@test.com', name: 'Test Test' },
        recipients: [{ email: 'test+to@gmail.com', name: 'Test to' }],
        sentAt: 1673985762041,
      },
    ]);
  });

  it('flags the draft next to the send (cvOnSend_4)', () => {
    const got = parseSendRequest(pair('cvOnSend_4').request);
    expect(got?.map((m) => [m.clientMessageId, m.draft])).toEqual([
      ['msg-a:r8190137112111191537', true],
      ['msg-a:r-329565169840451245', false],
    ]);
  });

  it('reads a form-encoded body with a JSON parameter', () => {
    const body = new URLSearchParams({ req: pair('cvOnSend_3').request }).toString();
    expect(parseSendRequest(body)?.[0]?.clientMessageId).toBe('msg-a:r-329565169840451245');
  });

  it('returns null for non-requests', () => {
    for (const body of ['', 'hello', '{}', '"x"', '[', 'a=b']) expect(parseSendRequest(body)).toBeNull();
  });

  it('a request that is not JSON falls back to response-only parsing', () => {
    expect(parseSendResponse(pair('cvOnSend_3').response, 'not json')[0]?.clientMessageId).toBe(
      'msg-a:r-329565169840451245',
    );
  });
});

describe('shape moved (fields wrapped deeper or reordered)', () => {
  type Json = unknown[];
  function messagesOf(root: Json, visit: (m: Json) => void): void {
    const walk = (n: unknown): void => {
      if (!Array.isArray(n)) return;
      if (typeof n[0] === 'string' && /^msg-[af]:r?-?\d/.test(n[0]) && Array.isArray(n[1])) visit(n);
      else n.forEach(walk);
    };
    walk(root);
  }

  it('recipients wrapped one level deeper, fields moved around', () => {
    for (const name of ['cvOnSend_3', 'cvOnReplySend_3', 'cvOnReplySend_4'] as const) {
      const root = JSON.parse(pair(name).response) as Json;
      messagesOf(root, (m) => {
        // to/cc/bcc each one level deeper
        for (const i of [2, 3, 4]) if (Array.isArray(m[i])) m[i] = [m[i]];
        // labels, Message-ID, References and the hex moved to new places
        const [labels, rfc, refs, hex] = [m[10], m[13], m[14], m[55]];
        m[10] = null;
        m[13] = null;
        m[14] = null;
        m[55] = null;
        m.push(null, hex, refs, null, rfc, [labels]);
        m.splice(1, 0, labels); // labels now before the sender
      });
      const got = parseSendResponse(JSON.stringify(root), pair(name).request);
      const want = EXPECTED[name]!;
      expect(got).toHaveLength(1);
      expect(got[0]).toEqual(want);
    }
  });

  it('whole thread list wrapped in extra arrays, ops reordered', () => {
    const root = JSON.parse(pair('cvOnReplySend_3').response) as Json;
    const wrapped = [null, [[root[1]]], root[0], root[2]];
    const got = parseSendResponse(JSON.stringify(wrapped), pair('cvOnReplySend_3').request);
    expect(got).toEqual([EXPECTED.cvOnReplySend_3]);
  });
});

describe('hostile and broken input', () => {
  const bodies = NAMES.map((n) => pair(n));

  function mutate(v: unknown, rnd: () => number, depth = 0): unknown {
    if (!Array.isArray(v)) {
      const r = rnd();
      if (r < 0.03) return randomValue(rnd, depth);
      if (r < 0.05 && typeof v === 'string') return v.slice(0, Math.floor(rnd() * v.length));
      if (r < 0.06 && typeof v === 'number') return -v;
      return v;
    }
    let out = v.map((c) => mutate(c, rnd, depth + 1));
    const r = rnd();
    if (r < 0.05) out = out.slice(0, Math.floor(rnd() * out.length));
    else if (r < 0.1) out.sort(() => rnd() - 0.5);
    else if (r < 0.13) out = [out];
    else if (r < 0.15) out.push(randomValue(rnd, depth));
    return out;
  }

  function randomValue(rnd: () => number, depth: number): unknown {
    const pick = Math.floor(rnd() * 12);
    switch (pick) {
      case 0:
        return null;
      case 1:
        return Math.floor(rnd() * 2e12);
      case 2:
        return `msg-a:r${Math.floor(rnd() * 1e9)}`;
      case 3:
        return `thread-f:${Math.floor(rnd() * 1e18)}`;
      case 4:
        return [1, `x${Math.floor(rnd() * 99)}@example.com`, 'N'];
      case 5:
        return ['^f', '^all'];
      case 6:
        return JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}');
      case 7:
        return Math.floor(rnd() * 2 ** 53).toString(16);
      case 8:
        return '<a@b.c>';
      default:
        return depth > 8 ? 0 : Array.from({ length: Math.floor(rnd() * 5) }, () => randomValue(rnd, depth + 1));
    }
  }

  it('seeded mutations never throw and stay well-formed', () => {
    let found = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const rnd = seeded(seed);
      const { request, response } = bodies[seed % bodies.length]!;
      const res = JSON.stringify(mutate(JSON.parse(response), rnd));
      const req = rnd() < 0.5 ? JSON.stringify(mutate(JSON.parse(request), rnd)) : undefined;
      const got = parseSendResponse(res, req);
      found += got.length;
      wellFormed(got);
      wellFormed(parseSendResponse(res.slice(0, Math.floor(rnd() * res.length))));
      const parsedReq = parseSendRequest(req ?? res);
      expect(parsedReq === null || Array.isArray(parsedReq)).toBe(true);
    }
    expect(found).toBeGreaterThan(50); // the mutations still leave much to find
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('random nested arrays never throw', () => {
    const rnd = seeded(42);
    for (let i = 0; i < 300; i++) {
      const body = JSON.stringify(randomValue(rnd, 0));
      wellFormed(parseSendResponse(body, rnd() < 0.5 ? body : undefined));
    }
  });

  it('rejects oversize, deep and non-array input', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(parseSendResponse(deep)).toEqual([]);
    expect(parseSendResponse(deep, deep)).toEqual([]);
    // A real message nested far below the depth limit is not searched for.
    const inner = JSON.stringify(JSON.parse(pair('cvOnSend_3').response));
    expect(parseSendResponse(`${'['.repeat(200)}${inner}${']'.repeat(200)}`)).toEqual([]);
    const huge = `[${'0,'.repeat(MAX_BODY_CHARS / 2)}0]`;
    expect(huge.length).toBeGreaterThan(MAX_BODY_CHARS);
    expect(parseSendResponse(huge)).toEqual([]);
    const wide = `[${'[],'.repeat(600_000)}[]]`;
    expect(parseSendResponse(wide.slice(0, MAX_BODY_CHARS))).toEqual([]);
    for (const body of ['', 'null', '{}', '"[]"', '[]', '[[]]', ')]}\'', '{"__proto__":[]}']) {
      expect(parseSendResponse(body)).toEqual([]);
    }
    expect(parseSendResponse(undefined as unknown as string)).toEqual([]);
    expect(parseSendResponse(42 as unknown as string, {} as unknown as string)).toEqual([]);
  });
});

describe('Schedule send (synthetic variant of cvOnSend, see test/fixtures/gmail/sync-scheduled.ts)', () => {
  const AT = Date.UTC(2022, 8, 12, 7, 0); // three days after the capture

  it('reports the scheduled message, flagged, with the time it goes out', () => {
    const { request, response } = scheduledCvOnSend(pair('cvOnSend'), AT);
    expect(parseSendResponse(response, request)).toEqual([{ ...EXPECTED.cvOnSend, scheduled: true, latestTime: AT }]);
    // Without the request, from the response's labels alone.
    expect(parseSendResponse(response)).toEqual([expect.objectContaining({ clientMessageId: 'msg-a:r8190137112111191537', scheduled: true, latestTime: AT })]);
    expect(parseSendRequest(request)).toEqual([expect.objectContaining({ scheduled: true, latestTime: AT, draft: false })]);
  });

  it('a scheduled message without a later time is still flagged: its latest time is the send time, which the caller does not take for the schedule', () => {
    const { request, response } = scheduledCvOnSend(pair('cvOnSend'), null);
    const [m] = parseSendResponse(response, request);
    expect(m).toMatchObject({ scheduled: true });
    expect(m!.latestTime).toBeLessThan(AT);
  });

  it('an ordinary send carries no schedule fields', () => {
    const [m] = parseSendResponse(pair('cvOnSend').response, pair('cvOnSend').request);
    expect(m).not.toHaveProperty('scheduled');
    expect(m).not.toHaveProperty('latestTime');
  });
});
