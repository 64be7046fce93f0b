/**
 * A seeded store as a heavy user's few years leave it: mostly replied and
 * done, some waiting and cancelled, due and change times spread over years
 * around `now`. Plain records (the shape every version since v1 writes).
 */
import { createReminder, type Reminder, type ReminderStatus, type ThreadIdentity } from '../../../src/core/reminder';
import { seeded } from '../seeded';

// Self-contained (no fake IndexedDB): the popup-open benchmark bundles this into an extension page.
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const thread = (n: number): ThreadIdentity => ({
  provider: 'gmail',
  threadId: (0x18e0000000000000n + BigInt(n)).toString(16),
  subject: `Quote for project ${n}`,
  recipients: [{ email: `client${n}@example.com`, name: `Client ${n}` }],
});

const STATUSES: [ReminderStatus, number][] = [
  ['pending', 0.06],
  ['snoozed', 0.02],
  ['notified', 0.02],
  ['replied', 0.5],
  ['done', 0.35],
  ['cancelled', 0.05],
];

export function historyStore(rows: number, now: number, seed = 7): Reminder[] {
  const rnd = seeded(seed);
  const out: Reminder[] = [];
  for (let i = 0; i < rows; i++) {
    let x = rnd();
    let status: ReminderStatus = 'pending';
    for (const [s, share] of STATUSES) {
      if (x < share) {
        status = s;
        break;
      }
      x -= share;
    }
    const waiting = status === 'pending' || status === 'snoozed';
    // Whole minutes: equal times happen, as they do for real.
    const createdAt = now - Math.floor(rnd() * 3 * 365 * 24 * 60) * 60_000;
    const dueAt = waiting ? now + Math.floor((rnd() - 0.1) * 60 * 24 * 60) * 60_000 : createdAt + Math.floor(rnd() * 14 * 24) * HOUR;
    const updatedAt = waiting ? createdAt : Math.min(now, dueAt + Math.floor(rnd() * 3 * DAY));
    const base = createReminder({ id: `r${String(i).padStart(6, '0')}-${Math.floor(rnd() * 1e9).toString(36)}`, account: i % 3 ? 'me@example.com' : 'work@example.org', thread: thread(i), sentAt: createdAt - HOUR, dueAt }, createdAt);
    out.push({ ...base, status, updatedAt, rev: status === 'pending' ? 1 : 2, history: status === 'pending' ? base.history : [...base.history, { from: 'pending', to: status, at: updatedAt, cause: 'user' }] });
  }
  return out;
}
