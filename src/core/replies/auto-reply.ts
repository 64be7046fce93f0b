/**
 * Is a message automatic (out-of-office, auto-responder) or a delivery
 * failure? Each function returns a short `detail` naming the rule that fired
 * ('subject:Out of Office', 'header:auto-submitted=auto-replied',
 * 'sender:mailer-daemon') or undefined.
 *
 * Calling a person's reply "automatic" hides a real answer and lets the
 * reminder fire anyway — the worst failure of the product — so the subject
 * rules are strict: a phrase counts only at the very start of the subject
 * (after "Re:"-style prefixes and "[tags]"), as a whole phrase, and only when
 * a delimiter (":", " - ", "(", "[", "|", "/") or the end of the subject
 * follows it. Ambiguous single words ("Absence", "Abwesend", "Ausente" and
 * the short bounce words) need a colon after them. "Re: the absence report
 * for Q3", "Out of office party on Friday" and "Absence report" stay replies.
 *
 * Comparison is case- and diacritics-insensitive (NFKD, marks removed), so
 * "RÉPONSE AUTOMATIQUE :" (French space before the colon) matches too.
 */
import { localPart, normaliseAddress } from './addresses';
import type { ObservedMessage } from './types';

/** What the rest of the thread tells about a message; both parts optional. */
export interface ThreadContext {
  /**
   * Subjects of the user's own messages (and of the tracked message). A
   * message whose subject only repeats one of them (after Re:/Fwd:/[tag]
   * prefixes) gets no subject signal: when the user named the thread
   * "Out of office: cover plan", every "Re: Out of office: cover plan" is a
   * person answering.
   */
  threadSubjects?: readonly string[];
  /**
   * Addresses the user wrote to in this thread, as normaliseAddress(…, false)
   * gives them. A postmaster the user wrote to answers as a person, so the
   * sender rule of bounceSignal does not apply to them.
   */
  addressed?: ReadonlySet<string>;
}

type End = 'any' | 'delimiter' | 'colon';
interface Phrase {
  text: string;
  label: string;
  end: End;
}

/** Case-, diacritics- and space-insensitive form of a subject or phrase. */
export function foldText(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const phrase = (label: string, end: End = 'delimiter'): Phrase => ({ text: foldText(label), label, end });
const byLength = (list: Phrase[]): Phrase[] => list.sort((a, b) => b.text.length - a.text.length);

const AUTO_PHRASES = byLength([
  // English
  phrase('Automatic reply'),
  phrase('Automatic response'),
  phrase('Auto-Reply'),
  phrase('Auto Reply'),
  phrase('Autoreply'),
  phrase('Auto-Response'),
  phrase('Auto Response'),
  phrase('Autoresponse'),
  phrase('Out of Office'),
  phrase('Out-of-Office'),
  phrase('Out of the office'),
  // German
  phrase('Abwesenheitsnotiz'),
  phrase('Automatische Antwort'),
  phrase('Abwesend', 'colon'),
  // French
  phrase('Réponse automatique'),
  phrase('Absence du bureau'),
  phrase('Absent du bureau'),
  phrase('Absence', 'colon'),
  // Spanish
  phrase('Respuesta automática'),
  phrase('Fuera de la oficina'),
  phrase('Ausente', 'colon'),
  // Italian, Dutch, Portuguese: same shape, cheap to have
  phrase('Risposta automatica'),
  phrase('Automatisch antwoord'),
  phrase('Resposta automática'),
]);

const BOUNCE_PHRASES = byLength([
  phrase('Delivery Status Notification (Failure)', 'any'),
  phrase('Undelivered Mail Returned to Sender', 'any'),
  phrase('Mail delivery failed'),
  phrase('Undeliverable', 'colon'),
  phrase('Returned mail', 'colon'),
  phrase('Unzustellbar', 'colon'),
  phrase('Nicht zustellbar', 'colon'),
  phrase('Non remis', 'colon'),
  phrase('No se puede entregar', 'colon'),
]);

/** Reply prefixes in common languages, with "Re[2]:" / "RE :" forms. */
const REPLY_PREFIX = /^(?:re|aw|antw|antwort|sv|vs|r|rif|ref|res|odp|ynt)\s?(?:\[\d+\]|\(\d+\))?\s?:\s*/;
const FORWARD_PREFIX = /^(?:fw|fwd|wg|tr|rv|enc|i|doorst)\s?(?:\[\d+\]|\(\d+\))?\s?:\s*/;
/** "[EXTERNAL] ", "(ext) " — tags that mail servers put in front. */
const TAG_PREFIX = /^[[(]([^[\]()]{1,60})[\])]\s*/;

function endsWell(rest: string, end: End, phrases: readonly Phrase[]): boolean {
  switch (end) {
    case 'any':
      return true;
    case 'colon':
      return /^ ?:/.test(rest);
    case 'delimiter':
      if (rest === '' || /^ ?[:|([/]/.test(rest) || /^ [-\u2013\u2014]/.test(rest) || /^[-\u2013\u2014] /.test(rest)) return true;
      // "Out of Office AutoReply: …", "Out of Office Re: …"
      return rest.startsWith(' ') && (REPLY_PREFIX.test(rest.slice(1)) || matchPhrase(rest.slice(1), phrases) !== undefined);
  }
}

function matchPhrase(s: string, phrases: readonly Phrase[]): Phrase | undefined {
  for (const p of phrases) {
    if (s.startsWith(p.text) && endsWell(s.slice(p.text.length), p.end, phrases)) return p;
  }
  return undefined;
}

/** The phrase a subject starts with, looking past tags and (optionally) reply prefixes. */
function leadingPhrase(subject: string, phrases: readonly Phrase[], pastReplyPrefixes: boolean): Phrase | undefined {
  let s = foldText(subject);
  for (let step = 0; step < 32; step++) {
    const p = matchPhrase(s, phrases);
    if (p) return p;
    const tag = TAG_PREFIX.exec(s);
    if (tag) {
      const inner = matchPhrase((tag[1] ?? '').trim(), phrases);
      if (inner) return inner; // "[Auto-Reply] …"
      s = s.slice(tag[0].length);
      continue;
    }
    const prefix = pastReplyPrefixes ? REPLY_PREFIX.exec(s) : null;
    if (!prefix) return undefined;
    s = s.slice(prefix[0].length);
  }
  return undefined;
}

/** The subject without Re:/Fwd:/[tag] prefixes, folded: what a thread is called. */
export function subjectBase(subject: string): string {
  let s = foldText(subject);
  for (let step = 0; step < 32; step++) {
    const m = REPLY_PREFIX.exec(s) ?? FORWARD_PREFIX.exec(s) ?? TAG_PREFIX.exec(s);
    if (!m) break;
    s = s.slice(m[0].length);
  }
  return s;
}

function subjectSignal(m: ObservedMessage, phrases: readonly Phrase[], pastReplyPrefixes: boolean, context?: ThreadContext): string | undefined {
  if (!m.subject) return undefined;
  const p = leadingPhrase(m.subject, phrases, pastReplyPrefixes);
  if (!p) return undefined;
  const base = subjectBase(m.subject);
  if (context?.threadSubjects?.some((t) => subjectBase(t) === base)) return undefined;
  return `subject:${p.label}`;
}

/** Header values by lower-case name; empty values count as absent. */
function header(m: ObservedMessage, name: string): string | undefined {
  if (!m.headers) return undefined;
  for (const [key, value] of Object.entries(m.headers)) {
    if (key.trim().toLowerCase() !== name) continue;
    const v = String(value).trim().toLowerCase();
    if (v) return v;
  }
  return undefined;
}

const NEGATIVE = new Set(['no', 'false', '0']);

export function autoReplySignal(m: ObservedMessage, context?: ThreadContext): string | undefined {
  // RFC 3834: anything but "no" means the message was sent by a program.
  const submitted = header(m, 'auto-submitted');
  if (submitted) {
    const value = submitted.split(';')[0]!.trim();
    if (value !== 'no') return `header:auto-submitted=${value}`;
  }
  for (const name of ['x-autoreply', 'x-autorespond']) {
    const v = header(m, name);
    if (v && !NEGATIVE.has(v)) return `header:${name}=${v}`;
  }
  // Precedence: bulk / list / junk say "mass mail", not "automatic reply".
  const precedence = header(m, 'precedence');
  if (precedence === 'auto_reply' || precedence === 'auto-reply') return `header:precedence=${precedence}`;
  return subjectSignal(m, AUTO_PHRASES, true, context);
}

const BOUNCE_SENDERS = new Set(['mailer-daemon', 'postmaster']);
const BOUNCE_NAMES = new Set(['mail delivery subsystem', 'mail delivery system']);

export function bounceSignal(m: ObservedMessage, context?: ThreadContext): string | undefined {
  const addressed = context?.addressed?.has(normaliseAddress(m.from.email, false)) ?? false;
  if (!addressed) {
    const local = localPart(m.from.email);
    if (BOUNCE_SENDERS.has(local)) return `sender:${local}`;
    const name = foldText(m.from.name ?? '');
    if (BOUNCE_NAMES.has(name)) return `sender-name:${m.from.name!.trim()}`;
  }
  if (header(m, 'x-failed-recipients')) return 'header:x-failed-recipients';
  if (/report-type\s*=\s*"?delivery-status/.test(header(m, 'content-type') ?? '')) return 'header:content-type=delivery-status';
  // A person writing "Re: Undeliverable: …" is a person: no reply prefixes here.
  return subjectSignal(m, BOUNCE_PHRASES, false, context);
}
