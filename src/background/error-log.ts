import * as v from 'valibot';
import type { Clock, Logger } from './ports';
import type { StorageAreaPort } from './settings-store';

export const ERROR_LOG_KEY = 'errorLog';
/** Entries kept; the oldest go first. */
export const MAX_ERRORS = 50;
/** Characters kept of each message. */
export const MAX_ERROR_CHARS = 300;

export interface LoggedError {
  at: number;
  message: string;
}

const StoredSchema = v.array(v.object({ at: v.number(), message: v.string() }));

const clip = (s: string) => (s.length > MAX_ERROR_CHARS ? `${s.slice(0, MAX_ERROR_CHARS - 1)}…` : s);

/** "Reply check failed: network down" — the detail's own message when it has one, never a stack or mail content. */
function describe(message: string, detail: unknown): string {
  if (detail instanceof Error && detail.message) return `${message}: ${detail.message}`;
  if (typeof detail === 'string' && detail) return `${message}: ${detail}`;
  return message;
}

/**
 * The background's recent errors, for the options page's diagnostics: a
 * small ring buffer in storage.local (bounded in entries and in length).
 * Writes are chained so two errors at once do not overwrite each other.
 */
export function errorLog(area: StorageAreaPort, clock: Clock) {
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = chain.then(fn, fn);
    chain = run.catch(() => undefined);
    return run;
  };

  async function read(): Promise<LoggedError[]> {
    const parsed = v.safeParse(StoredSchema, (await area.get(ERROR_LOG_KEY))[ERROR_LOG_KEY]);
    // Diagnostics are disposable: anything unreadable starts afresh.
    return parsed.success ? parsed.output : [];
  }

  return {
    record(message: string, detail?: unknown): Promise<void> {
      const entry = { at: clock.now(), message: clip(describe(message, detail)) };
      return serial(async () => {
        await area.set({ [ERROR_LOG_KEY]: [...(await read()), entry].slice(-MAX_ERRORS) });
      });
    },
    /** Oldest first; waits for writes under way. */
    all: (): Promise<LoggedError[]> => serial(read),
    clear: (): Promise<void> => serial(() => area.remove(ERROR_LOG_KEY)),
  };
}

export type ErrorLog = ReturnType<typeof errorLog>;

/** `log` whose `error()` also lands in the error log (a failing write is only a warning on the console). */
export function loggingErrors(log: Logger, errors: ErrorLog): Logger {
  return {
    warn: (message, detail) => log.warn(message, detail),
    error(message, detail) {
      log.error(message, detail);
      errors.record(message, detail).catch((e: unknown) => log.warn('Could not keep the error for diagnostics', e));
    },
  };
}
