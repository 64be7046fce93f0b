import type { SchedulePrefs, Weekday } from '../../../src/core/settings';

/**
 * Reads an instant as "YYYY-MM-DD HH:mm Www" in a zone with plain Intl, so the
 * assertions do not go through the code under test.
 */
export function wall(at: number, timeZone: string): string {
  const f = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    weekday: 'short',
    hourCycle: 'h23',
  });
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute} ${p.weekday}`;
}

/** Epoch ms from an ISO string with an explicit offset, e.g. `2025-03-26T22:30+01:00`. */
export function at(iso: string): number {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new Error(`bad ISO ${iso}`);
  return t;
}

export function prefs(timeZone: string, over: Partial<SchedulePrefs> & { days?: Weekday[]; whEnabled?: boolean } = {}): SchedulePrefs {
  return {
    timeZone,
    defaultTime: over.defaultTime ?? 9 * 60,
    workingHours: over.workingHours ?? {
      enabled: over.whEnabled ?? true,
      days: over.days ?? [1, 2, 3, 4, 5],
      start: 9 * 60,
      end: 18 * 60,
    },
  };
}

/** Runs `fn` with the process time zone switched, and proves the switch took effect. */
export function withProcessTz<T>(tz: string, fn: () => T): T {
  const saved = process.env.TZ;
  process.env.TZ = tz;
  try {
    const probe = Date.UTC(2025, 0, 15, 12);
    const p = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' })
        .formatToParts(probe)
        .map((x) => [x.type, Number(x.value)]),
    );
    const expected = (Date.UTC(p.year ?? 0, (p.month ?? 0) - 1, p.day, p.hour, p.minute) - probe) / 60_000;
    const actual = -new Date(probe).getTimezoneOffset();
    if (actual !== expected) throw new Error(`process TZ switch to ${tz} did not take effect (${actual} vs ${expected})`);
    return fn();
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
}
