// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ARMED_ATTR, isArmed, loadArmed, saveArmed } from '../../../src/content/controller/armed-store';
import { leaveSends, takeSends, HANDOVER_ATTR, type PendingSend } from '../../../src/content/controller/send-handover';

const root = () => document.createElement('div');

describe('armed state on the compose root', () => {
  it.each([
    [{ due: { preset: 'tomorrow' }, label: 'Thu 09:00' }],
    [{ due: { at: 1767225600000 }, label: 'Thu 1 Jan, 00:00' }],
    [{ due: { local: '2026-12-24T10:00' }, label: 'Do 24. Dez., 10:00' }],
  ])('%j survives a round trip', (armed) => {
    const el = root();
    saveArmed(el, armed as never);
    expect(loadArmed(el)).toEqual(armed);
  });

  it('flat extras the picker records beside the choice (the previewed instant) survive; nested ones are refused', () => {
    const el = root();
    const armed = { due: { preset: 'tomorrow' }, label: 'Thu 09:00', at: 1767258000000 };
    saveArmed(el, armed as never);
    expect(loadArmed(el)).toEqual(armed);
    el.setAttribute(ARMED_ATTR, JSON.stringify({ ...armed, extra: { nested: true } }));
    expect(loadArmed(el)).toBeUndefined();
  });

  it('disarmed is remembered as "off", nothing stored as undefined', () => {
    const el = root();
    expect(loadArmed(el)).toBeUndefined();
    saveArmed(el, null);
    expect(el.getAttribute(ARMED_ATTR)).toBe('off');
    expect(loadArmed(el)).toBe('off');
  });

  it.each([
    ['not JSON', '{due:'],
    ['an array', '[1,2]'],
    ['no label', '{"due":{"preset":"tomorrow"}}'],
    ['an empty label', '{"due":{"preset":"tomorrow"},"label":""}'],
    ['a long label', JSON.stringify({ due: { preset: 'tomorrow' }, label: 'x'.repeat(201) })],
    ['an empty due', '{"due":{},"label":"x"}'],
    ['a nested due', '{"due":{"preset":{"x":1}},"label":"x"}'],
    ['a non-finite number', '{"due":{"at":1e999},"label":"x"}'],
    ['an oversize attribute', JSON.stringify({ due: { local: 'x'.repeat(150) }, label: 'y'.repeat(150), pad: 'z'.repeat(3000) })],
    ['a prototype trick', '{"due":{"preset":"tomorrow"},"label":"x","__proto__":{"polluted":true}}'],
  ])('a forged or broken attribute (%s) is ignored', (_name, raw) => {
    const el = root();
    el.setAttribute(ARMED_ATTR, raw);
    const loaded = loadArmed(el);
    if (loaded !== undefined) expect(loaded).toEqual({ due: { preset: 'tomorrow' }, label: 'x' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('isArmed accepts only a flat due object and a short label', () => {
    expect(isArmed({ due: { preset: 'in-3-days' }, label: 'Fri' })).toBe(true);
    expect(isArmed({ due: null, label: 'Fri' })).toBe(false);
    expect(isArmed({ due: { preset: 'in-3-days' } })).toBe(false);
    expect(isArmed('x')).toBe(false);
  });
});

const NOW = Date.UTC(2026, 11, 6, 12);
const pending = (over: Partial<PendingSend> = {}): PendingSend => ({
  id: 'rem-1',
  snapshot: { subject: 'Offer', recipients: [{ email: 'anna@example.com', name: 'Anna' }], clientMessageId: 'msg-a:r1' },
  armed: { due: { preset: 'tomorrow' }, label: 'Thu 09:00', at: NOW + 86_400_000 },
  theme: 'light',
  clickedAt: NOW - 5_000,
  ...over,
});

describe('sends handed over on the page', () => {
  it('what one copy leaves, the next takes once, and the attribute is gone', () => {
    const a = pending();
    const b = pending({ id: 'rem-2', account: 'me@example.com', sent: { subject: 'Offer', recipients: [{ email: 'anna@example.com' }], threadId: '183234ce86ffa010', sentAt: NOW - 1_000 } });
    leaveSends(document, [a]);
    leaveSends(document, [b]);
    expect(takeSends(document, NOW)).toEqual([a, b]);
    expect(document.documentElement.hasAttribute(HANDOVER_ATTR)).toBe(false);
    expect(takeSends(document, NOW)).toEqual([]);
  });

  it('leaving nothing writes nothing', () => {
    leaveSends(document, []);
    expect(document.documentElement.hasAttribute(HANDOVER_ATTR)).toBe(false);
  });

  it('leaving tells a running copy at once', () => {
    let heard = 0;
    const listener = () => heard++;
    document.addEventListener('follow-through:sends-left', listener);
    leaveSends(document, [pending()]);
    document.removeEventListener('follow-through:sends-left', listener);
    expect(heard).toBe(1);
    takeSends(document, NOW);
  });

  it.each([
    ['too old to be answered', pending({ clickedAt: NOW - 61_000 })],
    ['from the future', pending({ clickedAt: NOW + 1_000 })],
    ['without an id', pending({ id: '' })],
    ['a bad account', pending({ account: 'not an address' })],
    ['a bad theme', { ...pending(), theme: 'blue' }],
    ['bad recipients', { ...pending(), snapshot: { subject: 'x', recipients: [{ name: 'no email' }] } }],
    ['a bad sent message', { ...pending(), sent: { subject: 'x', recipients: 'anna' } }],
    ['a bad armed choice', { ...pending(), armed: { due: {}, label: 'x' } }],
  ])('a record %s is dropped, the others kept', (_name, bad) => {
    const good = pending({ id: 'good' });
    document.documentElement.setAttribute(HANDOVER_ATTR, JSON.stringify([bad, good]));
    expect(takeSends(document, NOW)).toEqual([good]);
  });

  it('garbage in the attribute yields nothing and is removed', () => {
    document.documentElement.setAttribute(HANDOVER_ATTR, '{not json');
    expect(takeSends(document, NOW)).toEqual([]);
    expect(document.documentElement.hasAttribute(HANDOVER_ATTR)).toBe(false);
  });
});
