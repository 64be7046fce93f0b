/**
 * Bundled (IIFE, global FTPopupOpenBench) by scripts/bench/popup-open.mjs and evaluated in one of
 * the extension's own pages: fills the extension's real database (already opened and migrated by
 * its background) with a heavy user's history, and reports what the origin's storage grew by.
 * Not part of the extension.
 */
import { historyStore } from '../unit/storage/history-data';

let all: ReturnType<typeof historyStore> | undefined;

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open('follow-through');
    request.onupgradeneeded = () => reject(new Error('the extension has not created its database'));
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Adds reminders [from, to) of the seeded history (the same ones every run), 1,000 per transaction. */
export async function seed(from: number, to: number, now: number, total: number) {
  all ??= historyStore(total, now);
  const db = await open();
  const before = (await navigator.storage.estimate()).usage ?? 0;
  let json = 0;
  // The extension keeps finished reminders per status in its counts store (v6), in the same transaction as each write;
  // so does the seeding (the ids are new, so each put adds one to its status).
  const counted = db.objectStoreNames.contains('counts');
  for (let i = from; i < to; i += 1000) {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(counted ? ['reminders', 'counts'] : ['reminders'], 'readwrite');
      const added: Record<string, number> = {};
      for (const r of all!.slice(i, Math.min(to, i + 1000))) {
        tx.objectStore('reminders').put(r);
        json += JSON.stringify(r).length;
        if (r.status === 'replied' || r.status === 'done' || r.status === 'cancelled') added[r.status] = (added[r.status] ?? 0) + 1;
      }
      if (counted) {
        const counts = tx.objectStore('counts');
        for (const [status, n] of Object.entries(added)) {
          const get = counts.get(status);
          get.onsuccess = () => counts.put((get.result as number | undefined ?? 0) + n, status);
        }
      }
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  }
  const count = await new Promise<number>((resolve, reject) => {
    const request = db.transaction('reminders').objectStore('reminders').count();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  db.close();
  const after = (await navigator.storage.estimate()).usage ?? 0;
  const statuses: Record<string, number> = {};
  for (const r of all.slice(0, to)) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  return { count, usageBefore: before, usageAfter: after, jsonChars: json, statuses };
}
