/**
 * Reading the wall-clock times a page prints (Gmail's print view, the `title`
 * of a message date in a Gmail tab) without assuming the zone they are
 * printed in. Gmail prints in the Google account's zone, which need not be
 * the zone in our settings (an account set to New York used from Berlin,
 * travel, a zone saved once and never updated), so the zone is worked out
 * from the page itself: a message whose exact instant we know (the user's
 * tracked message, from Gmail's send response or its legacy id) and whose
 * printed minute we can see gives the page's UTC offset at that instant.
 *
 * Why zones and not just that offset: one offset is right for every message
 * on the same side of a DST change as the known one and an hour off for the
 * others (a thread from early March to April in New York). So the offset is
 * turned into the IANA zones that had it at that instant, and each printed
 * time is read in those zones:
 *  - a hint zone (the settings zone, the browser's zone) that agrees with
 *    every known instant is taken as the page's zone — the common case, and
 *    the cheapest. Its DST rules are then assumed far from the known
 *    instant: one reading cannot tell New York from Santiago in April, so a
 *    date months away may be shown up to two hours off (never a verdict:
 *    see below);
 *  - otherwise every zone that agrees: where they all give one instant the
 *    time is certain; where they differ (the message lies across a DST change
 *    some of them observe), the instant most of them give is taken and the
 *    time is counted as uncertain. Callers decide before/after by the page's
 *    order around the known message, so an uncertain time only changes what
 *    is shown, never a verdict.
 * Offsets are checked against real zones, so an unrelated message that
 * happens to be printed a whole number of hours from the instant is not
 * taken for the known one unless some zone really had that offset.
 *
 * Pure: no process zone is consulted (hints are passed in).
 */
import { offsetMinutes, utcFromFields, zonedToInstant, type LocalDateTime } from './zoned';

const MINUTE = 60_000;
/** Every zone offset in use is a multiple of 15 minutes (Nepal +5:45, Chatham +12:45). */
const STEP_MIN = 15;
/** UTC−12 … UTC+14. */
const MIN_OFFSET = -12 * 60;
const MAX_OFFSET = 14 * 60;
/**
 * How far a printed minute may be from the known instant beyond the offset
 * and the dropped seconds: the send time we hold is the browser's clock
 * (skewed against Gmail's by seconds, sometimes minutes), or the click on
 * Send, which an undo-send delay puts up to 30 s before the real send.
 */
export const CLOCK_TOLERANCE_MS = 3 * MINUTE;

/** A printed wall-clock reading whose instant is known exactly. */
export interface ClockPoint {
  local: LocalDateTime;
  at: number;
}

/** The wall time read as UTC: what a printed reading is worth before any zone. */
export const wallMs = (local: LocalDateTime): number => utcFromFields(local.year, local.month, local.day, local.hour, local.minute);

/**
 * The page's UTC offset (minutes) at the point's instant, if the printed
 * minute can be that instant in some 15-minute offset within the tolerance;
 * undefined otherwise. Gmail prints the minute the instant falls in, so
 * the printed wall time is 0–59 s before instant + offset.
 */
export function offsetOfPoint(p: ClockPoint, toleranceMs = CLOCK_TOLERANCE_MS): number | undefined {
  const mid = wallMs(p.local) + 30_000 - p.at;
  const offset = Math.round(mid / (STEP_MIN * MINUTE)) * STEP_MIN;
  if (offset < MIN_OFFSET || offset > MAX_OFFSET) return undefined;
  return Math.abs(mid - offset * MINUTE) <= toleranceMs + 30_000 ? offset : undefined;
}

let allZones: readonly string[] | undefined;

/** Every IANA zone the engine knows (canonical names), or none if it cannot list them. */
function knownZones(): readonly string[] {
  if (!allZones) {
    try {
      allZones = Intl.supportedValuesOf('timeZone');
    } catch {
      allZones = [];
    }
  }
  return allZones;
}

/** The offset (minutes) every point implies, in order; undefined entries where a point fits none. */
const offsetsOf = (points: readonly ClockPoint[]) => points.map((p) => offsetOfPoint(p));

const zoneFits = (zone: string, points: readonly ClockPoint[], offsets: readonly (number | undefined)[]) => {
  try {
    return points.every((p, i) => offsets[i] !== undefined && offsetMinutes(p.at, zone) === offsets[i]);
  } catch {
    return false; // an invalid hint
  }
};

/** Every known zone whose offset at `at` was `offset` (minutes). */
export function zonesWithOffset(at: number, offset: number): string[] {
  return knownZones().filter((z) => offsetMinutes(at, z) === offset);
}

/** Some real zone had this offset at this instant (`+7:45` never existed). */
export function isRealOffset(at: number, offset: number, hints: readonly string[] = []): boolean {
  const fits = (z: string) => {
    try {
      return offsetMinutes(at, z) === offset;
    } catch {
      return false;
    }
  };
  return hints.some(fits) || knownZones().some(fits) || (knownZones().length === 0 && offset % 60 === 0);
}

export interface PageClock {
  /** The zone every time was read in, when one zone (a hint) explained every point. */
  zone?: string;
  /** The page's offset at the first point, minutes east of UTC. */
  offsetMinutes: number;
  /** Zones that agree with every point, when no hint did (empty when none did: the offset is applied as it is). */
  candidates: readonly string[];
  /** The instant of a printed reading; `certain` when the zones that fit all agree on it (always, once a hint was taken as the zone). */
  read(local: LocalDateTime): { at: number; certain: boolean };
}

/**
 * A clock for a page from readings whose instants are known. Undefined when
 * there are none or they cannot be explained by one page offset each.
 */
export function pageClock(points: readonly ClockPoint[], hints: readonly string[] = []): PageClock | undefined {
  if (points.length === 0) return undefined;
  const offsets = offsetsOf(points);
  if (offsets.some((o) => o === undefined)) return undefined;
  const offset = offsets[0]!;

  const hint = hints.find((z) => zoneFits(z, points, offsets));
  if (hint) return { zone: hint, offsetMinutes: offset, candidates: [], read: (local) => ({ at: zonedToInstant(local, hint), certain: true }) };

  const candidates = knownZones().filter((z) => zoneFits(z, points, offsets));
  // Points that no single zone explains (a page read across an unusual change): each reading takes the offset of the nearest point.
  const nearestOffset = (wall: number) => {
    let best = 0;
    for (let i = 1; i < points.length; i++) {
      if (Math.abs(wallMs(points[i]!.local) - wall) < Math.abs(wallMs(points[best]!.local) - wall)) best = i;
    }
    return offsets[best]!;
  };
  const read = (local: LocalDateTime) => {
    const wall = wallMs(local);
    const fixed = wall - nearestOffset(wall) * MINUTE;
    if (candidates.length === 0) return { at: fixed, certain: false };
    // Most readings are far from any change: when every zone shows the first zone's reading at the same
    // offset, that instant is the reading in all of them (one conversion, then one offset per zone).
    const first = zonedToInstant(local, candidates[0]!);
    const firstOffset = offsetMinutes(first, candidates[0]!);
    if (candidates.every((z) => offsetMinutes(first, z) === firstOffset)) return { at: first, certain: true };
    const votes = new Map<number, number>();
    for (const z of candidates) {
      const at = zonedToInstant(local, z);
      votes.set(at, (votes.get(at) ?? 0) + 1);
    }
    if (votes.size === 1) return { at: votes.keys().next().value!, certain: true };
    // Most zones' reading; a tie goes to the offset observed on the page.
    const top = Math.max(...votes.values());
    const leaders = [...votes].filter(([, n]) => n === top).map(([at]) => at);
    return { at: leaders.includes(fixed) ? fixed : Math.min(...leaders), certain: false };
  };
  return { offsetMinutes: offset, candidates, read };
}
