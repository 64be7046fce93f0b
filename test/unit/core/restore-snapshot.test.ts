import { describe, expect, it } from 'vitest';
import { applyEvent, markAnnounced, restoreSnapshot, UndoConflictError } from '../../../src/core/transitions';
import { ALL_STATUSES, deepFreeze, HOUR, reminder, T0 } from './fixtures';

describe('restoreSnapshot (the one Undo rule)', () => {
  const notified = deepFreeze(markAnnounced(applyEvent(reminder({ id: 'x', dueAt: T0 }), { type: 'fire' }, T0, 'alarm'), T0 + 1));

  it.each(ALL_STATUSES.filter((s) => s !== 'done' && s !== 'cancelled'))('puts back a %s reminder exactly over the check-off it undoes', (status) => {
    const before = deepFreeze({ ...notified, status, announcedAt: status === 'notified' ? T0 + 1 : undefined });
    const done = applyEvent(before, { type: 'done' }, T0 + HOUR);
    const back = restoreSnapshot(before, done, done.rev, T0 + 2 * HOUR);
    const { rev, history, ...rest } = back;
    const { rev: _r, history: _h, ...was } = before;
    expect(rest).toEqual(was);
    expect(rev).toBe(done.rev + 1);
    expect(history.at(-1)).toEqual({ from: 'done', to: status, at: T0 + 2 * HOUR, cause: 'undo' });
    expect(history.slice(0, -1)).toEqual(done.history);
  });

  it('refuses when the reminder changed after the action, or is gone', () => {
    const done = applyEvent(notified, { type: 'done' }, T0 + HOUR);
    const reopened = applyEvent(done, { type: 'reopen' }, T0 + HOUR);
    expect(() => restoreSnapshot(notified, reopened, done.rev, T0)).toThrow(UndoConflictError);
    expect(() => restoreSnapshot(notified, undefined, done.rev, T0)).toThrow(/is gone/);
  });

  it('undoes a delete only while no reminder with that id exists', () => {
    expect(() => restoreSnapshot(notified, notified, undefined, T0)).toThrow(/exists again/);
    const back = restoreSnapshot(notified, undefined, undefined, T0 + HOUR);
    expect(back).toMatchObject({ status: 'notified', announcedAt: T0 + 1, rev: notified.rev + 1 });
    expect(back.history.at(-1)).toEqual({ from: null, to: 'notified', at: T0 + HOUR, cause: 'undo' });
  });
});
