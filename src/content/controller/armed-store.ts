/**
 * A compose's armed time, kept on the compose's own root element. The
 * content script can be replaced while a compose is open (an extension
 * update with Gmail open): state in the old script's memory would be lost
 * with it, and the compose would then send without storing a reminder.
 * The DOM outlives the script, so the new one reads the choice back.
 *
 * The page can read and write this attribute like any other: what is read
 * is checked for shape and size, and the background validates the due
 * choice again when the reminder is stored.
 */
import type { Armed, DueChoice } from '../ui/types';

export const ARMED_ATTR = 'data-follow-through-armed';
/** The user removed the reminder from this compose: "arm new composes" must not arm it again. */
const OFF = 'off';
const MAX_CHARS = 2_000;
const MAX_LABEL = 200;

/** What a compose root says: armed, explicitly off, or nothing stored. */
export type StoredArmed = Armed | 'off' | undefined;

export function saveArmed(root: Element, armed: Armed | null): void {
  try {
    // The whole choice: whatever else the picker records with it (e.g. the previewed instant) must survive too.
    root.setAttribute(ARMED_ATTR, armed ? JSON.stringify(armed) : OFF);
  } catch {
    // a root that refuses attributes only loses the hand-over, not the send
  }
}

/** A plain object as JSON.parse makes it (no array, no other prototype). */
export const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

const isPrimitive = (x: unknown) => (typeof x === 'string' && x.length <= MAX_LABEL) || (typeof x === 'number' && Number.isFinite(x)) || typeof x === 'boolean';

/** One flat object of short strings, finite numbers and booleans: every due choice the picker makes has this shape. */
function isDueLike(v: unknown): v is DueChoice {
  if (!isPlain(v)) return false;
  const values = Object.values(v);
  return values.length > 0 && values.every(isPrimitive);
}

/**
 * A due choice and a label, as the picker makes them, plus any flat extras
 * it records beside them (also checks hand-over records).
 */
export function isArmed(v: unknown): v is Armed {
  if (!isPlain(v) || !isDueLike(v.due)) return false;
  if (!Object.entries(v).every(([k, x]) => k === 'due' || isPrimitive(x))) return false;
  // The kind decides whether a reply ends the reminder: only the one the picker makes is taken (never a guess).
  if (v.kind !== undefined && v.kind !== 'always') return false;
  return typeof v.label === 'string' && v.label.length > 0 && v.label.length <= MAX_LABEL;
}

export function loadArmed(root: Element): StoredArmed {
  const raw = root.getAttribute(ARMED_ATTR);
  if (raw === OFF) return OFF;
  if (!raw || raw.length > MAX_CHARS) return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    return isArmed(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}
