/**
 * idb's `wrap` recognises IndexedDB objects with `instanceof IDBRequest`,
 * `IDBDatabase`, … against the *global* interface classes, which Node lacks.
 * This installs fake-indexeddb's classes under those names, and nothing else:
 * no global `indexedDB` (every test opens its own `new IDBFactory()`) and no
 * global `IDBKeyRange` (the store must use the one it is given). The classes
 * hold no database state, so tests stay isolated.
 */
import {
  IDBCursor,
  IDBCursorWithValue,
  IDBDatabase,
  IDBIndex,
  IDBObjectStore,
  IDBOpenDBRequest,
  IDBRequest,
  IDBTransaction,
} from 'fake-indexeddb';

const interfaces = { IDBCursor, IDBCursorWithValue, IDBDatabase, IDBIndex, IDBObjectStore, IDBOpenDBRequest, IDBRequest, IDBTransaction };

for (const [name, impl] of Object.entries(interfaces)) {
  const existing = (globalThis as Record<string, unknown>)[name];
  if (existing !== undefined && existing !== impl) throw new Error(`global ${name} is already a different implementation`);
  Object.defineProperty(globalThis, name, { value: impl, configurable: true, writable: true });
}
