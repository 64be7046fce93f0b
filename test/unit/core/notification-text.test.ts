import { describe, expect, it, vi } from 'vitest';
import {
  describeRecipients,
  digestNotification,
  singleNotification,
  subjectOf,
  type Translate,
} from '../../../src/core/notification-text';
import type { Address } from '../../../src/core/reminder';
import { reminder, thread, withRecipients } from './fixtures';

/** Shows which key and which substitutions were used. */
const t: Translate = (key, subs) => `${key}|${(subs ?? []).join(',')}`;

const MAX = 200;
/** Control characters (C0, DEL, C1) and the Unicode bidi controls. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const people = (n: number): Address[] =>
  ['Bob', 'Ann', 'Cy', 'Dee', 'Eve', 'Fay'].slice(0, n).map((name) => ({ email: `${name.toLowerCase()}@example.com`, name }));

const HOSTILE =
  '\u202Eevil.exe\u202C\u0000\u0007 Invoice\r\n\tdue\u0085\u009b31m \u2066hidden\u2069 \u200Fx\u061C ' + 'A'.repeat(10_000);

describe('describeRecipients', () => {
  it('0 recipients → the "none" text', () => {
    expect(describeRecipients([], t)).toBe('recipientsNone|');
  });

  it('1 recipient → the name alone, untranslated', () => {
    expect(describeRecipients(people(1), t)).toBe('Bob');
  });

  it('1 recipient without a name → the address', () => {
    expect(describeRecipients([{ email: 'bob@example.com' }], t)).toBe('bob@example.com');
  });

  it('a blank or control-only name counts as no name', () => {
    expect(describeRecipients([{ email: 'bob@example.com', name: '   ' }], t)).toBe('bob@example.com');
    expect(describeRecipients([{ email: 'bob@example.com', name: '\u202E\u0000\n' }], t)).toBe('bob@example.com');
  });

  it('2 recipients → both, names or addresses', () => {
    expect(describeRecipients(people(2), t)).toBe('recipientsTwo|Bob,Ann');
    expect(describeRecipients([{ email: 'bob@example.com', name: 'Bob' }, { email: 'ann@example.com' }], t)).toBe(
      'recipientsTwo|Bob,ann@example.com',
    );
  });

  it('3 recipients → first two and "+1"', () => {
    expect(describeRecipients(people(3), t)).toBe('recipientsMany|Bob,Ann,1');
  });

  it('5 recipients → first two and "+3"', () => {
    expect(describeRecipients(people(5), t)).toBe('recipientsMany|Bob,Ann,3');
  });

  it('cleans hostile names', () => {
    const out = describeRecipients([{ email: 'x@y.z', name: '\u202Emoc.elgoog\u202C\u0000 Bob\n\nSmith ' }], t);
    expect(out).toBe('moc.elgoog Bob Smith');
  });

  it('cleans hostile addresses too', () => {
    // The schema's address pattern does not exclude bidi controls.
    const out = describeRecipients([{ email: '\u202Eexe.bob@example.com' }], t);
    expect(out).not.toMatch(UNSAFE);
    expect(out).toContain('exe.bob@example.com');
  });
});

describe('subjectOf', () => {
  it('returns the subject', () => {
    expect(subjectOf(withRecipients(people(1), 'Lunch?'), t)).toBe('Lunch?');
  });

  it.each([
    ['empty', ''],
    ['blank', '   \t '],
    ['only control characters', '\u0000\u202E\u2066\n'],
  ])('falls back to the "no subject" text when %s', (_label, subject) => {
    expect(subjectOf(withRecipients(people(1), subject), t)).toBe('noSubject|');
  });

  it('collapses whitespace and trims', () => {
    expect(subjectOf(withRecipients(people(1), '  Re:\t\tthe   plan \n'), t)).toBe('Re: the plan');
  });

  it(`cleans and clips a hostile subject to at most ${MAX} characters`, () => {
    const out = subjectOf(withRecipients(people(1), HOSTILE), t);
    expect(out.length).toBeLessThanOrEqual(MAX);
    expect(out).not.toMatch(UNSAFE);
    expect(out).not.toMatch(/\s{2}/);
    expect(out.startsWith('evil.exe Invoice due 31m hidden x A')).toBe(true);
    expect(out.endsWith('…')).toBe(true);
  });

  it(`keeps a subject of exactly ${MAX} characters whole`, () => {
    const s = 'b'.repeat(MAX);
    expect(subjectOf(withRecipients(people(1), s), t)).toBe(s);
    expect(subjectOf(withRecipients(people(1), `${s}c`), t)).toBe(`${'b'.repeat(MAX - 1)}…`);
  });

  it('does not cut an emoji in half when clipping', () => {
    const s = `${'a'.repeat(MAX - 2)}😀😀😀`;
    const out = subjectOf(withRecipients(people(1), s), t);
    expect(out.length).toBeLessThanOrEqual(MAX);
    expect(out.endsWith('…')).toBe(true);
    expect(out).not.toMatch(LONE_SURROGATE);
    expect(out).toBe(`${'a'.repeat(MAX - 2)}…`);
  });
});

describe('singleNotification', () => {
  const formatDate = vi.fn((ms: number) => `DATE(${ms})`);

  it('uses the title, subject and context keys with the right substitutions', () => {
    const r = reminder({ sentAt: 1234, account: 'me@example.com', thread: thread({ subject: 'Budget', recipients: people(2) }) });
    expect(singleNotification(r, t, formatDate)).toEqual({
      title: 'notifTitle|recipientsTwo|Bob,Ann',
      message: 'Budget',
      contextMessage: 'notifContext|DATE(1234),me@example.com',
    });
    expect(formatDate).toHaveBeenCalledWith(1234);
  });

  it('names a single recipient by address when no name is known', () => {
    const r = reminder({ thread: thread({ recipients: [{ email: 'ann@example.com' }] }) });
    expect(singleNotification(r, t, formatDate).title).toBe('notifTitle|ann@example.com');
  });

  it('handles no recipients and no subject', () => {
    const r = reminder({ thread: thread({ subject: '', recipients: [] }) });
    const n = singleNotification(r, t, formatDate);
    expect(n.title).toBe('notifTitle|recipientsNone|');
    expect(n.message).toBe('noSubject|');
  });

  it('keeps title and message short, clean and single-line for hostile input', () => {
    const long = `${'N'.repeat(320)}`;
    const r = reminder({
      thread: thread({
        subject: HOSTILE,
        recipients: [
          { email: 'a@b.c', name: `\u202E${long}` },
          { email: 'd@e.f', name: long },
          { email: 'g@h.i' },
        ],
      }),
    });
    const n = singleNotification(r, t, formatDate);
    for (const field of [n.title, n.message]) {
      expect(field.length).toBeLessThanOrEqual(MAX);
      expect(field).not.toMatch(UNSAFE);
    }
    expect(n.title.startsWith('notifTitle|recipientsMany|NNN')).toBe(true);
  });
});

describe('digestNotification', () => {
  const many = (n: number) =>
    Array.from({ length: n }, (_, i) => reminder({ thread: thread({ subject: `S${i}`, recipients: people((i % 5) + 1) }) }));

  it('1 reminder → one line "recipients — subject"', () => {
    expect(digestNotification(many(1), t)).toEqual({ title: 'digestTitle|1', message: 'Bob — S0', items: [{ title: 'Bob', message: 'S0' }] });
  });

  it('5 reminders → 5 lines in order, no "more" line', () => {
    const n = digestNotification(many(5), t);
    expect(n.title).toBe('digestTitle|5');
    expect(n.message.split('\n')).toEqual([
      'Bob — S0',
      'recipientsTwo|Bob,Ann — S1',
      'recipientsMany|Bob,Ann,1 — S2',
      'recipientsMany|Bob,Ann,2 — S3',
      'recipientsMany|Bob,Ann,3 — S4',
    ]);
  });

  it('8 reminders → all 8 named, as lines and as list items', () => {
    const n = digestNotification(many(8), t);
    expect(n.message.split('\n').map((l) => l.split(' — ')[1])).toEqual(['S0', 'S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7']);
    expect(n.items.map((i) => i.message)).toEqual(['S0', 'S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7']);
    expect(n.items[1]).toEqual({ title: 'recipientsTwo|Bob,Ann', message: 'S1' });
  });

  it('9 reminders → 8 lines plus "1 more"', () => {
    const n = digestNotification(many(9), t);
    const lines = n.message.split('\n');
    expect(lines).toHaveLength(9);
    expect(lines[7]).toBe('recipientsMany|Bob,Ann,1 — S7');
    expect(lines[8]).toBe('digestMore|1');
    expect(n.items.at(-1)).toEqual({ title: 'digestMore|1', message: '' });
  });

  it('14 reminders → 8 lines plus "6 more", title counts all', () => {
    const n = digestNotification(many(14), t);
    expect(n.title).toBe('digestTitle|14');
    const lines = n.message.split('\n');
    expect(lines).toHaveLength(9);
    expect(lines.slice(0, 8).map((l) => l.split(' — ')[1])).toEqual(['S0', 'S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7']);
    expect(lines[8]).toBe('digestMore|6');
  });

  it('0 reminders → an empty message', () => {
    expect(digestNotification([], t)).toEqual({ title: 'digestTitle|0', message: '', items: [] });
  });

  it('a hostile subject cannot add lines or bidi tricks to the digest', () => {
    const rs = many(5);
    rs[0] = reminder({ thread: thread({ subject: `fake\nBob — paid\r\n${HOSTILE}`, recipients: people(1) }) });
    const lines = digestNotification(rs, t).message.split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]!.startsWith('Bob — fake Bob — paid evil.exe')).toBe(true);
    for (const line of lines) expect(line).not.toMatch(UNSAFE);
    expect(lines[0]!.length).toBeLessThanOrEqual('Bob — '.length + MAX);
  });

  it('uses the "no subject" text in a line', () => {
    expect(digestNotification([reminder({ thread: thread({ subject: '', recipients: [] }) })], t).message).toBe(
      'recipientsNone| — noSubject|',
    );
  });
});

describe('singleNotification: after an automatic answer (issue 9)', () => {
  it('the context line says what the automatic answer said and that the reminder waited for the return', () => {
    const r = {
      ...withRecipients(people(1)),
      dueAt: 900,
      check: { at: 1, source: 'print-view' as const, outcome: 'no-reply' as const, failures: 0, autoAnswer: { by: { email: 'bob@example.com', name: 'Bob' }, family: 'vacation', until: '2026-11-30', movedFrom: 100 } },
    };
    expect(singleNotification(r, t, (ms) => `@${ms}`, (d) => `<${d}>`).contextMessage).toBe('explainAutoAnswer|Bob,autoFamily_vacation| autoUntil|<2026-11-30>. explainAutoMoved|@900');
  });

  it('a hostile name from the answer stays inert', () => {
    const r = { ...withRecipients(people(1)), check: { at: 1, source: 'print-view' as const, outcome: 'no-reply' as const, failures: 0, autoAnswer: { by: { email: 'x@example.com', name: HOSTILE } } } };
    const text = singleNotification(r, t, String).contextMessage!;
    expect(text).not.toMatch(UNSAFE);
    expect(text.length).toBeLessThanOrEqual(MAX);
  });
});
