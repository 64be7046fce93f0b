/**
 * "Back on" dates in automatic answers: "until Nov 30", "back on Monday",
 * "bis einschließlich 30. November", "jusqu'au 30 novembre", "al 30 de
 * noviembre", "fino al 30/11", "tot en met 30-11-2026", "t.o.m. 30/11".
 *
 * Two kinds of phrase: "until X" names the last day away (X inclusive, so
 * the person is back the day after — the later reading, which never nudges
 * anyone still away), "back on X" names the first day back. A bare weekday
 * after "until" ("out until Monday", "bis Montag") is how people say the day
 * they return, so it counts as back on that day unless "inclusive"
 * (einschließlich, t/m, tot en met, till och med) says otherwise.
 *
 * Numeric dates follow the language: day first everywhere but English,
 * where an ambiguous 05/12 takes whichever reading comes first after the
 * message (an absence of weeks is likelier than one of months). Pure: dates
 * are local calendar days, `ref` is the day the message came.
 */
import { utcFromFields, weekdayOf } from '../../time/zoned';
import type { Lang } from './phrases';

export interface LocalDay {
  year: number;
  month: number;
  day: number;
}

export interface ReturnInfo {
  /** The last day away as the message says it, when it says "until" (ISO YYYY-MM-DD). */
  until?: string;
  /** The first day back (ISO YYYY-MM-DD). */
  backOn: string;
}

const MONTHS: Record<string, number> = {};
const months = (n: number, ...names: string[]) => names.forEach((name) => (MONTHS[name] = n));
months(1, 'january', 'jan', 'januar', 'janner', 'janvier', 'janv', 'enero', 'gennaio', 'januari', 'janeiro', 'stycznia', 'styczen');
months(2, 'february', 'feb', 'februar', 'fevrier', 'fevr', 'fev', 'febrero', 'febbraio', 'februari', 'fevereiro', 'lutego', 'luty');
months(3, 'march', 'mar', 'marz', 'maerz', 'mars', 'marzo', 'maart', 'marco', 'marca', 'marts', 'marzec');
months(4, 'april', 'apr', 'avril', 'avr', 'abril', 'aprile', 'kwietnia', 'kwiecien');
months(5, 'may', 'mai', 'mayo', 'maggio', 'mei', 'maio', 'maja', 'maj');
months(6, 'june', 'jun', 'juni', 'juin', 'junio', 'giugno', 'junho', 'czerwca', 'czerwiec');
months(7, 'july', 'jul', 'juli', 'juillet', 'juil', 'julio', 'luglio', 'julho', 'lipca', 'lipiec');
months(8, 'august', 'aug', 'aout', 'agosto', 'augustus', 'augusti', 'sierpnia', 'sierpien');
months(9, 'september', 'sep', 'sept', 'septembre', 'septiembre', 'setiembre', 'settembre', 'setembro', 'wrzesnia', 'wrzesien');
months(10, 'october', 'oct', 'oktober', 'okt', 'octobre', 'octubre', 'ottobre', 'outubro', 'pazdziernika', 'pazdziernik');
months(11, 'november', 'nov', 'novembre', 'noviembre', 'novembro', 'listopada', 'listopad');
months(12, 'december', 'dec', 'dezember', 'dez', 'decembre', 'diciembre', 'dicembre', 'dezembro', 'grudnia', 'grudzien');

const WEEKDAYS: Record<string, number> = {};
const weekday = (n: number, ...names: string[]) => names.forEach((name) => (WEEKDAYS[name] = n));
weekday(0, 'sunday', 'sonntag', 'dimanche', 'domingo', 'domenica', 'zondag', 'niedziela', 'niedzieli', 'sondag');
weekday(1, 'monday', 'montag', 'lundi', 'lunes', 'lunedi', 'maandag', 'segunda-feira', 'segunda', 'poniedzialek', 'poniedzialku', 'mandag', 'mandagen');
weekday(2, 'tuesday', 'dienstag', 'mardi', 'martes', 'martedi', 'dinsdag', 'terca-feira', 'terca', 'wtorek', 'wtorku', 'tisdag', 'tirsdag');
weekday(3, 'wednesday', 'mittwoch', 'mercredi', 'miercoles', 'mercoledi', 'woensdag', 'quarta-feira', 'quarta', 'sroda', 'srody', 'onsdag');
weekday(4, 'thursday', 'donnerstag', 'jeudi', 'jueves', 'giovedi', 'donderdag', 'quinta-feira', 'quinta', 'czwartek', 'czwartku', 'torsdag');
weekday(5, 'friday', 'freitag', 'vendredi', 'viernes', 'venerdi', 'vrijdag', 'sexta-feira', 'sexta', 'piatek', 'piatku', 'fredag');
weekday(6, 'saturday', 'samstag', 'samedi', 'sabado', 'sabato', 'zaterdag', 'sobota', 'soboty', 'lordag');

const byLength = (names: string[]) => names.sort((a, b) => b.length - a.length).map((n) => n.replace(/[-.]/g, '\\$&')).join('|');
const MONTH = `(${byLength(Object.keys(MONTHS))})(?![a-z])`;
const WEEKDAY = `(${byLength(Object.keys(WEEKDAYS))})(?![a-z])`;

/** "until"-type phrases (last day away) and "back"-type phrases (first day back). */
const UNTIL =
  "until|till|til|through|thru|up to and including|bis einschliesslich|bis einschl\\.|bis inkl\\.|bis inklusive|bis zum|bis|jusqu'au|jusqu'a|jusqu'a|hasta el|hasta|fino al|fino a|tot en met|t/m|tot|ate ao dia|ate o dia|ate dia|ate|do dnia|till och med|t\\.o\\.m\\.?|til og med|to|au|al|a|do|till";
const INCLUSIVE = /einschliesslich|einschl|inkl|inklusive|including|tot en met|t\/m|till och med|t\.o\.m|til og med|through|thru/;
const BACK =
  "back in the office on|back in the office|back at work on|back in office on|back on|be back on|be back|back|returning on|returning to the office on|returning|return on|return to the office on|will return on|will return|available again on|available again from|ab dem|ab|wieder am|wieder ab|zuruck am|de retour le|de retour au bureau le|de retour|retour le|retour prevu le|a partir du|regreso el|regresare el|de vuelta el|volvere el|vuelvo el|a partir del|rientrero il|rientro il|rientro|di ritorno il|torno il|terug op|vanaf|weer aanwezig op|weer op kantoor op|retorno no dia|retorno em|retorno a|voltarei no dia|voltarei em|voltarei a|de volta no dia|de volta em|tillbaka den|tillbaka pa|tillbaka|aterkommer den|aterkommer|tilbage den|tilbage pa|tilbage|igen den|tilbake den|tilbake pa|tilbake|igjen fra|igjen den|od dnia|wracam";

const DATE = `(?:${WEEKDAY},? ?(?:the |le |el |den |il |de )?)?(?:(\\d{4})-(\\d{1,2})-(\\d{1,2})|(\\d{1,2})(?!\\d)(?:st|nd|rd|th|er|e|\\.|º|°)? ?(?:de |of )?${MONTH}\\.?(?:,? (?:de )?(\\d{4}))?|${MONTH}\\.? (\\d{1,2})(?!\\d)(?:st|nd|rd|th)?(?:,? (\\d{4}))?|(\\d{1,2})[./-](\\d{1,2})(?:[./-](\\d{2,4}))?\\.?)?`;
/** Only a trigger followed by something date-like is a phrase: "be back in the office on Thursday" must reach "back … on". */
const DATE_AHEAD = `(?=\\d|(?:${byLength(Object.keys(WEEKDAYS))}|${byLength(Object.keys(MONTHS))})(?![a-z]))`;
const PHRASE = new RegExp(`\\b(${UNTIL}|${BACK})\\b,?:? (?:(?:dem|den|le|el|il|the|o|dia) )?${DATE_AHEAD}${DATE}`, 'g');
const UNTIL_RE = new RegExp(`^(?:${UNTIL})$`);

const DAY = 86_400_000;
const toUtc = (d: LocalDay) => utcFromFields(d.year, d.month, d.day);
const fromUtc = (ms: number): LocalDay => {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
};
export const isoDay = (d: LocalDay) => `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

function valid(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const d = fromUtc(utcFromFields(year, month, day));
  return d.month === month && d.day === day;
}

/** A day-and-month without a year: its first occurrence not long before `ref`. */
function withYear(month: number, day: number, year: number | undefined, ref: LocalDay): LocalDay | undefined {
  if (year !== undefined) {
    const y = year < 100 ? 2000 + year : year;
    return valid(y, month, day) ? { year: y, month, day } : undefined;
  }
  for (const y of [ref.year, ref.year + 1]) {
    if (valid(y, month, day) && toUtc({ year: y, month, day }) >= toUtc(ref) - 14 * DAY) return { year: y, month, day };
  }
  return undefined;
}

/** The return stated in the (folded) lead text, if any, relative to the day the message came. */
export function findReturn(text: string, lang: Lang | undefined, ref: LocalDay): ReturnInfo | undefined {
  const refMs = toUtc(ref);
  for (const m of text.matchAll(PHRASE)) {
    const [, trigger = '', wd, isoY, isoM, isoD, d1, mon1, y1, mon2, d2, y2, n1, n2, ny] = m;
    let day: LocalDay | undefined;
    let byWeekday = false;
    if (isoY) day = withYear(Number(isoM), Number(isoD), Number(isoY), ref);
    else if (d1 && mon1) day = withYear(MONTHS[mon1]!, Number(d1), y1 ? Number(y1) : undefined, ref);
    else if (mon2 && d2) day = withYear(MONTHS[mon2]!, Number(d2), y2 ? Number(y2) : undefined, ref);
    else if (n1 && n2) {
      const year = ny ? Number(ny) : undefined;
      const dayFirst = withYear(Number(n2), Number(n1), year, ref);
      const monthFirst = withYear(Number(n1), Number(n2), year, ref);
      const options = (lang === 'en' ? [monthFirst, dayFirst] : [dayFirst, monthFirst]).filter((o): o is LocalDay => !!o && toUtc(o) >= refMs);
      // Day-first languages read day first whenever that is a date; English takes the nearer reading.
      day = lang === 'en' ? options.sort((a, b) => toUtc(a) - toUtc(b))[0] : options[0];
    } else if (wd) {
      const target = WEEKDAYS[wd]!;
      const ahead = (target - weekdayOf(ref.year, ref.month, ref.day) + 7) % 7 || 7;
      day = fromUtc(refMs + ahead * DAY);
      byWeekday = true;
    }
    if (!day) continue;
    const ms = toUtc(day);
    if (ms < refMs || ms > refMs + 400 * DAY) continue;
    const isUntil = UNTIL_RE.test(trigger);
    // "until <date>" and "bis einschließlich <weekday>" name the last day away; "until Monday" and "back on …" the first day back.
    const lastDayAway = isUntil && (!byWeekday || INCLUSIVE.test(trigger));
    const backOn = lastDayAway ? fromUtc(ms + DAY) : day;
    return { ...(isUntil ? { until: isoDay(day) } : {}), backOn: isoDay(backOn) };
  }
  return undefined;
}
