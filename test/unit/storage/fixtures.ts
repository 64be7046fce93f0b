import './idb-env';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createReminder, type Reminder, type ThreadIdentity } from '../../../src/core/reminder';
import { openReminderDb, type ReminderDB } from '../../../src/storage/open-db';
import { reminderStore, type ReminderStore } from '../../../src/storage/reminder-store';

export const T0 = Date.parse('2025-03-10T12:00:00Z'); // a Monday
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

let seq = 0;

/** A realistic Gmail thread; `n` picks a distinct hex id. */
export function thread(n: number, over: Partial<ThreadIdentity> = {}): ThreadIdentity {
  return {
    provider: 'gmail',
    threadId: (0x18e0000000000000n + BigInt(n)).toString(16),
    subject: `Quote for project ${n}`,
    recipients: [{ email: `client${n}@example.com`, name: `Client ${n}` }],
    ...over,
  };
}

/** A pending reminder created at `createdAt` (default T0), through the real factory. */
export function reminder(
  over: { id?: string; account?: string; n?: number; dueAt?: number; createdAt?: number; thread?: ThreadIdentity } = {},
): Reminder {
  const n = over.n ?? ++seq;
  const createdAt = over.createdAt ?? T0;
  return createReminder(
    {
      id: over.id ?? `rem-${n}`,
      account: over.account ?? 'Me@Example.com ',
      thread: over.thread ?? thread(n),
      sentAt: createdAt - HOUR,
      dueAt: over.dueAt ?? createdAt + DAY,
    },
    createdAt,
  );
}

/** A fresh fake IndexedDB (own factory: no state shared between tests, no globals patched). */
export async function freshStore(): Promise<{ factory: IDBFactory; db: ReminderDB; store: ReminderStore }> {
  const factory = new IDBFactory();
  const db = await openReminderDb(factory, { name: 'test' });
  return { factory, db, store: reminderStore(db, IDBKeyRange) };
}
