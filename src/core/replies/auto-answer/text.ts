/**
 * The part of a message body that says what the message is: its first
 * lines, without quoted text (a reply quoting an earlier auto-reply is a
 * person answering) and without the signature (a footer saying "this
 * mailbox is not monitored" under a person's answer is not theirs).
 *
 * Sources give plain text with line breaks (the print view and the thread
 * view drop Gmail's quote and signature blocks already, where their markup
 * shows them); this strips what only the text shows: `>` lines, "On … wrote:"
 * headers, "-----Original Message-----", Outlook's "From: … Sent: …" block,
 * "-- " signature separators and "Sent from my …" lines.
 */
import { foldText } from '../auto-reply';

/** How much of a body is looked at, and how much a source may send. */
export const MAX_LEAD_LINES = 15;
export const MAX_LEAD_CHARS = 700;
/** What a source keeps of a body before this module cuts it (headroom for quotes it can't see). */
export const MAX_BODY_CHARS = 4000;

/** A line that starts quoted text: the quote header of a reply in the languages we read, or a separator. */
const QUOTE_START: readonly RegExp[] = [
  /^-{2,}\s*(original message|ursprungliche nachricht|message d'origine|mensaje original|messaggio originale|oorspronkelijk bericht|mensagem original|wiadomosc oryginalna|ursprungligt meddelande|oprindelig meddelelse|opprinnelig melding|forwarded message|weitergeleitete nachricht)/,
  /^_{10,}$/,
  // "On Tue, Jun 3, 2025 at 10:12 AM Jane <jane@x> wrote:" and its translations (may wrap, so only the start and end are required).
  /^(on|am|le|el|il|op|em|w dniu|den|pa|d\.)\b.{0,200}\b(wrote|schrieb|a ecrit|escribio|ha scritto|schreef|escreveu|napisal|skrev)\b.{0,160}:$/,
  /\b(wrote|schrieb|a ecrit|escribio|ha scritto|schreef|escreveu|napisal|skrev)\b.{0,160}<[^<>]*@[^<>]*>\s*:$/,
  // Outlook's header block of the quoted message.
  /^(from|von|de|da|van|od|fran|fra)\s?:\s.*@/,
  /^(from|von|de|da|van|od|fran|fra)\s?:\s.{1,120}$/,
];
const QUOTE_HEADER_NEXT = /^(sent|gesendet|envoye|enviado|inviato|verzonden|wyslano|skickat|sendt)\s?:/;

const SIGNATURE_START: readonly RegExp[] = [
  /^--\s?$/,
  /^(sent from my|gesendet von meinem|envoye de mon|enviado desde mi|inviato da|verzonden vanaf mijn|verstuurd vanaf mijn|enviado do meu|wyslane z|skickat fran min|sendt fra min|get outlook for)\b/,
];

/**
 * Case-, diacritics- and space-insensitive form for phrase matching, one
 * step beyond foldText: letters that Unicode does not decompose (ł, ø, æ,
 * ß) and typographic apostrophes get their plain forms.
 */
export function foldBody(s: string): string {
  return foldLetters(foldText(s));
}

/** The letters and apostrophes foldText leaves as they are, on text already folded. */
function foldLetters(s: string): string {
  return /[łøæßœ\u2018\u2019\u02bc`\u00b4]/.test(s) ? s.replace(/[\u2018\u2019\u02bc`\u00b4]/g, "'").replace(/ł/g, 'l').replace(/ø/g, 'o').replace(/æ/g, 'ae').replace(/ß/g, 'ss').replace(/œ/g, 'oe') : s;
}

/** foldText without collapsing line breaks. */
function foldText0(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** The first lines of what the sender wrote, folded (see foldBody), one line per source line. */
export function leadLines(body: string | undefined): string[] {
  if (!body) return [];
  const out: string[] = [];
  let chars = 0;
  // Folded once for the whole text (line breaks kept), then line by line: cheaper than folding each line.
  const lines = foldText0(body.slice(0, MAX_LEAD_CHARS * 3)).split(/\r?\n|\r|\u2028|\u2029/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    if (/^\s*>/.test(raw)) break;
    const line = foldLetters(raw.replace(/\s+/g, ' ').trim());
    if (line === '') continue;
    if (SIGNATURE_START.some((re) => re.test(line))) break;
    if (QUOTE_START.some((re) => re.test(line))) {
      // "From: Jane" alone is a quote header only when "Sent:" follows (a person may write "From: our side, yes").
      if (!/^(from|von|de|da|van|od|fran|fra)\s?:/.test(line) || QUOTE_HEADER_NEXT.test((lines[i + 1] ?? '').trim()) || line.includes('@')) break;
    }
    out.push(line);
    chars += line.length;
    if (out.length >= MAX_LEAD_LINES || chars >= MAX_LEAD_CHARS) break;
  }
  return out;
}
