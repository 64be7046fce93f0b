/**
 * Is this message an automatic answer? Weighs what the page shows: the
 * header/subject rule of auto-reply.ts (decisive where a source has them),
 * the first lines of the body (phrases.ts), the sender (sender.ts) and the
 * timing. Timing is supporting evidence only: people answer within minutes
 * too.
 *
 * Points: a strong phrase, or an absence statement with a return date or
 * stand-in and no substance, decide alone. An absence statement without
 * them, a weak phrase or a robot sender are one point each, an answer within
 * minutes of the user's message another, when something else points the
 * same way. Two points: automatic; one: it counts as a reply, flagged as
 * possibly automatic (except a weak phrase alone, which people write all
 * the time). An absence statement next to substance ("I'm away,
 * but here is the quote") never goes beyond "possibly".
 */
import type { ObservedMessage } from '../types';
import { ABSENCE_MARKERS, rulesFor, SUBSTANCE_MARKERS, type AutoFamily, type Lang, type PhraseRule } from './phrases';
import { findReturn, type LocalDay } from './return-date';
import { senderKind } from './sender';
import { leadLines } from './text';

/** How much of the lead text the phrases are looked for in. */
export const PHRASE_CHARS = 450;

/** An answer this soon after the user's latest message looks like a program's. */
export const QUICK_ANSWER_MS = 3 * 60_000;

export interface AutoAnswer {
  /** true: automatic; false: counted as a reply, but it might be automatic. */
  certain: boolean;
  family?: AutoFamily;
  lang?: Lang;
  /** The rules that matched, e.g. 'text:de:out-of-office; sender:noreply; within 1 min'. */
  detail: string;
  /** Last day away as stated ("until"), ISO day. */
  until?: string;
  /** First day back, ISO day. */
  backOn?: string;
}

export interface AutoEvidence {
  /** What autoReplySignal found in headers or the subject (decisive). */
  headerOrSubject?: string;
  /** ms between the user's latest earlier message and this one, when both times are known. */
  afterOwnMs?: number;
  /** The local day the message came (for "until Monday"); a function, as only a stated return needs it. */
  day?: LocalDay | (() => LocalDay);
}

interface TextMatch {
  rule: PhraseRule;
  markers: boolean;
  substance: boolean;
}

const STRENGTH_ORDER = { strong: 0, absence: 1, weak: 2 } as const;

/** The best phrase in the lead text: strong beats absence beats weak; earlier in the text breaks ties. */
function matchText(opening: string, lead: string, candidates: readonly PhraseRule[]): TextMatch | undefined {
  let best: { rule: PhraseRule; at: number } | undefined;
  for (const rule of candidates) {
    const m = rule.re.exec(opening);
    if (!m) continue;
    if (!best || STRENGTH_ORDER[rule.strength] < STRENGTH_ORDER[best.rule.strength] || (rule.strength === best.rule.strength && m.index < best.at)) {
      best = { rule, at: m.index };
    }
  }
  if (!best) return undefined;
  return { rule: best.rule, markers: ABSENCE_MARKERS.test(lead), substance: SUBSTANCE_MARKERS.test(lead) };
}

/** A weak or absence phrase in another family can name the kind of a message another rule decided. */
const FAMILY_PRIORITY: readonly AutoFamily[] = ['parental-leave', 'sick-leave', 'vacation', 'out-of-office', 'left-company', 'unmonitored', 'acknowledgement', 'automatic'];

function familyOf(lead: string, candidates: readonly PhraseRule[]): { family: AutoFamily; lang: Lang } | undefined {
  const hits = candidates.filter((r) => r.re.test(lead));
  hits.sort((a, b) => FAMILY_PRIORITY.indexOf(a.family) - FAMILY_PRIORITY.indexOf(b.family));
  const top = hits[0];
  return top ? { family: top.family, lang: top.lang } : undefined;
}

export function classifyAutoAnswer(m: ObservedMessage, evidence: AutoEvidence = {}): AutoAnswer | undefined {
  const lead = leadLines(m.text).join(' ');
  // What the message is says itself in its first sentences; markers and dates may come a little later.
  const opening = lead.slice(0, PHRASE_CHARS);
  const candidates = opening ? rulesFor(opening) : [];
  const text = opening ? matchText(opening, lead, candidates) : undefined;
  const sender = senderKind(m.from);
  const quick = evidence.afterOwnMs !== undefined && evidence.afterOwnMs > -60_000 && evidence.afterOwnMs <= QUICK_ANSWER_MS;

  const reasons: string[] = [];
  let points = 0;
  let decided = false;
  let capped = false;
  if (evidence.headerOrSubject) {
    reasons.push(evidence.headerOrSubject);
    decided = true;
  }
  if (text) {
    const { rule } = text;
    reasons.push(`text:${rule.lang}:${rule.family}${rule.strength === 'weak' ? ' (weak)' : ''}`);
    if (rule.strength === 'strong' && rule.family === 'left-company' && text.substance) capped = true;
    else if (rule.strength === 'strong') decided = true;
    else if (rule.strength === 'absence') {
      if (text.substance) capped = true;
      else if (text.markers) decided = true;
      else points += 1;
    } else points += 1;
  }
  if (sender) {
    reasons.push(sender.detail);
    points += 1;
  }
  if (quick && (text || sender)) {
    reasons.push(`within ${Math.max(1, Math.round(evidence.afterOwnMs! / 60_000))} min`);
    points += 1;
  }
  if (reasons.length === 0) return undefined;
  // A weak phrase alone is what people write too ("thanks for your email"): not worth a flag.
  if (!decided && !capped && points === 1 && text?.rule.strength === 'weak' && !sender) return undefined;

  const certain = capped && !evidence.headerOrSubject ? false : decided || points >= 2;
  // The most specific family any phrase names ("automatic reply … on parental leave" is parental leave).
  const kind = text ? familyOf(opening, candidates) : undefined;
  // A date only means "back on" in an absence notice.
  const absence = kind && ['out-of-office', 'vacation', 'parental-leave', 'sick-leave', 'automatic'].includes(kind.family);
  const day = absence && evidence.day ? (typeof evidence.day === 'function' ? evidence.day() : evidence.day) : undefined;
  const back = day ? findReturn(lead, kind?.lang, day) : undefined;
  return {
    certain,
    ...(kind ? { family: kind.family, lang: kind.lang } : {}),
    detail: reasons.join('; '),
    ...(back ?? {}),
  };
}
