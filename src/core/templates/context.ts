/** What a reminder knows, as placeholder values for a follow-up ('' = unknown; fill.ts makes it vanish). */
import { clean, clip } from '../notification-text';
import type { Address, Reminder } from '../reminder';
import type { Settings } from '../settings';
import { utcFromFields, zonedParts } from '../time/zoned';
import { personName } from './names';
import { TEMPLATE_LIMITS, type Placeholder, type TemplateLocale } from './types';

const MAX_SUBJECT = 200;
const DAY = 24 * 60 * 60 * 1000;

/** Words a follow-up needs in its own language (the mail's language, not the UI's). */
const WORDS: Record<TemplateLocale, { everyone: string; and: string; noSubject: string }> = {
  en: { everyone: 'all', and: 'and', noSubject: '(no subject)' },
  de: { everyone: 'zusammen', and: 'und', noSubject: '(kein Betreff)' },
};

/** Reply and forward prefixes of the languages Gmail users write in ("Re:", "AW:", "Fwd:", "WG:", "Re[2]:", …). */
const PREFIX = /^\s*((re|aw|antw|wg|fw|fwd|tr|sv|vs|rv|rif|r|enc|res|odp|pd|ynt|doorst)\s*(\[\d+\]|\(\d+\))?\s*[:：]\s*)+/iu;

export interface TemplateContextOptions {
  locale: TemplateLocale;
  now: number;
  /** The account's own name when known (used when the settings give none). */
  myName?: string;
  /** Who the follow-up goes to (default: the reminder's recipients, without the user's own addresses). */
  recipients?: readonly Address[];
  /** BCP 47 locale for the date ("en-GB" → "3 December"); default: `locale`. */
  formatLocale?: string;
}

export interface TemplateContext {
  values: Record<Placeholder, string>;
  /** The follow-up goes to several people (a template may word that differently). */
  group: boolean;
}

export function templateContext(reminder: Reminder, settings: Settings, opts: TemplateContextOptions): TemplateContext {
  const words = WORDS[opts.locale];
  const people = addressees(opts.recipients ?? reminder.thread.recipients, reminder.account, settings).map((a) => personName(a.name));
  const group = people.length > 1;
  // Two people are named ("Jane and Bob") when both names are known and differ; else the group is greeted ("all").
  const both = (pick: (p: { full: string; first: string }) => string) => {
    const [a, b] = people.map(pick);
    return people.length === 2 && a && b && a !== b ? `${a} ${words.and} ${b}` : words.everyone;
  };
  const zone = settings.schedule.timeZone;
  return {
    group,
    values: {
      firstName: group ? both((p) => p.first) : (people[0]?.first ?? ''),
      name: group ? both((p) => p.full) : (people[0]?.full ?? ''),
      subject: subjectText(reminder.thread.subject) || words.noSubject,
      // A reminder added to a thread whose newest message was someone else's counts from the click: no date of "my email".
      sentDate: reminder.anchor === 'added' ? '' : formatSentDate(reminder.sentAt, opts.now, zone, opts.formatLocale ?? opts.locale),
      daysAgo: String(calendarDaysBetween(reminder.sentAt, opts.now, zone)),
      myName: clip(clean(settings.templates.myName) || clean(opts.myName), TEMPLATE_LIMITS.myName),
    },
  };
}

/**
 * The language a follow-up is best written in when the caller has no better
 * idea: German when the thread's subject carries a German reply or forward
 * prefix ("AW:", "WG:"), else the UI language.
 */
export function followUpLocale(subject: string, uiLocale: string): TemplateLocale {
  if (/^\s*(aw|wg|antw)\s*(\[\d+\])?\s*:/i.test(clean(subject))) return 'de';
  return uiLocale.toLowerCase().startsWith('de') ? 'de' : 'en';
}

/** The subject without "Re:"/"AW:"/"Fwd:" prefixes, as one line of text. */
export function subjectText(subject: string): string {
  return clip(clean(subject).replace(PREFIX, '').trim(), MAX_SUBJECT);
}

/** The people a follow-up speaks to: each address once, never the user (account or alias). */
function addressees(list: readonly Address[], account: string, settings: Settings): Address[] {
  const own = new Set([account, ...(settings.replies.aliases[account] ?? [])].map((a) => a.trim().toLowerCase()));
  const seen = new Set<string>();
  return list.filter((a) => {
    const email = a.email.trim().toLowerCase();
    if (own.has(email) || seen.has(email)) return false;
    seen.add(email);
    return true;
  });
}

/** "December 3" / "3. Dezember" in the user's zone; the year only when it is not this year. */
export function formatSentDate(sentAt: number, now: number, timeZone: string, locale: string): string {
  const sameYear = zonedParts(sentAt, timeZone).year === zonedParts(now, timeZone).year;
  const options: Intl.DateTimeFormatOptions = { timeZone, day: 'numeric', month: 'long', ...(sameYear ? {} : { year: 'numeric' }) };
  try {
    return new Intl.DateTimeFormat(locale, options).format(sentAt);
  } catch {
    // A malformed locale tag from the caller must not cost the follow-up: the template's language will do.
    return new Intl.DateTimeFormat(locale.toLowerCase().startsWith('de') ? 'de' : 'en', options).format(sentAt);
  }
}

/** Calendar days from `from` to `to` on the user's wall calendar (yesterday 23:50 → today 00:10 is 1), never negative. */
export function calendarDaysBetween(from: number, to: number, timeZone: string): number {
  const day = (ms: number) => {
    const p = zonedParts(ms, timeZone);
    return utcFromFields(p.year, p.month, p.day);
  };
  return Math.max(0, Math.round((day(to) - day(from)) / DAY));
}
