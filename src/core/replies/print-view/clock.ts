/**
 * Which zone a print view is printed in, found from the page itself (see
 * time/page-clock.ts for why): the user's tracked message was sent at a
 * known instant, so among the user's own messages on the page the one whose
 * printed minute is that instant in some real zone offset is the tracked
 * message, and that offset (with the zones that had it) reads every other
 * date on the page. Only when no own message fits is the settings zone
 * assumed, and the result says so.
 */
import type { Address } from '../../reminder';
import { isRealOffset, offsetOfPoint, pageClock, wallMs, zonesWithOffset } from '../../time/page-clock';
import { offsetMinutes, zonedToInstant, type LocalDateTime } from '../../time/zoned';

const MINUTE = 60_000;
/**
 * A message may be stamped a little after the look, or before the thread's
 * id time (clock skew, the dropped seconds); beyond this the offset is wrong.
 */
const BOUND_SLACK_MS = 5 * MINUTE;

/** How the times of a print view were read. */
export type PrintClock =
  | {
      basis: 'calibrated';
      /** The page's index of the tracked message. */
      trackedIndex: number;
      /** Minutes east of UTC at the tracked message. */
      offsetMinutes: number;
      /** The one zone that explained it (a hint), if one did. */
      zone?: string;
      /** Several own messages fitted different offsets and no hint decided: the latest of them was taken. */
      ambiguous: boolean;
      /** Messages whose time depends on which of the fitting zones the page is in (DST). */
      uncertain: number;
    }
  | { basis: 'settings-zone'; zone: string; why: 'not-found' | 'not-tracked' };

export interface Printed {
  from: Address;
  local?: LocalDateTime;
}

export interface ClockOptions {
  /** The settings zone: the first hint, and the fallback. */
  timeZone: string;
  /** More zones worth trying first (the browser's). */
  hints?: readonly string[];
  /** The tracked message's exact send time and who the user is; absent when the reminder tracks no message. */
  tracked?: { sentAt: number; isOwn(email: string): boolean };
  /** When the page was read: no message can be much later. */
  now?: number;
  /** When the thread began (its legacy id's time): no message can be much earlier. */
  threadStart?: number;
}

export function readPrintTimes(printed: readonly Printed[], opts: ClockOptions): { ats: (number | undefined)[]; clock: PrintClock } {
  const hints = [opts.timeZone, ...(opts.hints ?? [])];
  const found = opts.tracked && findTracked(printed, opts.tracked, hints, { now: opts.now, threadStart: opts.threadStart });
  if (!found) {
    const clock: PrintClock = { basis: 'settings-zone', zone: opts.timeZone, why: opts.tracked ? 'not-found' : 'not-tracked' };
    return { ats: printed.map((m) => (m.local ? zonedToInstant(m.local, opts.timeZone) : undefined)), clock };
  }
  const tracked = printed[found.index]!;
  const reader = pageClock([{ local: tracked.local!, at: opts.tracked!.sentAt }], hints);
  if (!reader) throw new Error('a fitting message always gives a clock');
  let uncertain = 0;
  const ats = printed.map((m) => {
    if (!m.local) return undefined;
    const { at, certain } = reader.read(m.local);
    if (!certain) uncertain++;
    return at;
  });
  return {
    ats,
    clock: {
      basis: 'calibrated',
      trackedIndex: found.index,
      offsetMinutes: reader.offsetMinutes,
      ...(reader.zone ? { zone: reader.zone } : {}),
      ambiguous: found.ambiguous,
      uncertain,
    },
  };
}

interface Fit {
  index: number;
  offset: number;
}

function findTracked(
  printed: readonly Printed[],
  tracked: { sentAt: number; isOwn(email: string): boolean },
  hints: readonly string[],
  bounds: { now?: number | undefined; threadStart?: number | undefined },
): { index: number; ambiguous: boolean } | undefined {
  if (!Number.isFinite(tracked.sentAt)) return undefined;
  const dated = printed.flatMap((m) => (m.local ? [m.local] : []));
  const earliest = dated[0]!;
  const latest = dated.at(-1)!;
  // With an offset the newest message would lie in the future, or the oldest before the thread began
  // (an own message a whole number of hours from the send fits too): not the page's offset. The ends of a
  // long thread may lie across a DST change, so an offset is refused only when no zone that had it at the
  // send reads them inside the bounds.
  const inBounds = (offset: number) => {
    const ok = (first: number, last: number) =>
      (bounds.now === undefined || last <= bounds.now + BOUND_SLACK_MS) && (bounds.threadStart === undefined || first >= bounds.threadStart - BOUND_SLACK_MS);
    if (ok(wallMs(earliest) - offset * MINUTE, wallMs(latest) - offset * MINUTE)) return true;
    return zonesWithOffset(tracked.sentAt, offset).some((z) => ok(zonedToInstant(earliest, z), zonedToInstant(latest, z)));
  };
  const fits: Fit[] = [];
  printed.forEach((m, index) => {
    if (!m.local || !tracked.isOwn(m.from.email)) return;
    const offset = offsetOfPoint({ local: m.local, at: tracked.sentAt });
    if (offset === undefined || !isRealOffset(tracked.sentAt, offset, hints) || !inBounds(offset)) return;
    fits.push({ index, offset });
  });
  if (fits.length === 0) return undefined;

  const offsets = [...new Set(fits.map((f) => f.offset))];
  if (offsets.length === 1) return { index: closest(fits, printed, tracked.sentAt), ambiguous: false };
  // Different own messages fit different offsets (sent a whole number of hours apart). The offset a
  // hint zone had decides — the page is most often in the zone of the settings or the browser.
  for (const zone of hints) {
    let hinted: number | undefined;
    try {
      hinted = offsetMinutes(tracked.sentAt, zone);
    } catch {
      continue;
    }
    const agree = fits.filter((f) => f.offset === hinted);
    if (agree.length > 0) return { index: closest(agree, printed, tracked.sentAt), ambiguous: false };
  }
  // Undecided: the latest candidate, so no message before the real tracked one is taken for a reply
  // (at worst a reply between them is missed, and the user is reminded about it).
  return { index: fits.at(-1)!.index, ambiguous: true };
}

/** Of fits with one offset (own messages printed in the same minutes): the nearest the send time, the later on a tie. */
function closest(fits: readonly Fit[], printed: readonly Printed[], sentAt: number): number {
  let best = fits[0]!;
  const miss = (f: Fit) => Math.abs(wallMs(printed[f.index]!.local!) + 30_000 - f.offset * MINUTE - sentAt);
  for (const f of fits) if (miss(f) <= miss(best)) best = f;
  return best.index;
}
