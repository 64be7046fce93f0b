import type { Weekday } from '../core/settings';

/** The week in the order the user's locale starts it (Sunday in en-US, Monday in de). */
export function weekOrder(locale: string): Weekday[] {
  const first = firstDayOfWeek(locale);
  return Array.from({ length: 7 }, (_, i) => ((first + i) % 7) as Weekday);
}

function firstDayOfWeek(locale: string): Weekday {
  try {
    const loc = new Intl.Locale(locale) as Intl.Locale & { getWeekInfo?: () => { firstDay: number }; weekInfo?: { firstDay: number } };
    const info = loc.getWeekInfo?.() ?? loc.weekInfo;
    if (info && Number.isInteger(info.firstDay)) return (info.firstDay % 7) as Weekday;
  } catch {
    // An odd locale tag: fall through to the language rule.
  }
  return /^en\b/i.test(locale) ? 0 : 1;
}

/** The weekday's name in the UI language (0 = Sunday). */
export function dayName(locale: string, day: Weekday): string {
  // 1 Jan 2023 was a Sunday.
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2023, 0, 1 + day));
}
