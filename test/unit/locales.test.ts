import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SECTION_IDS } from '../../src/core/sections';
import { FAILURE_KEYS } from '../../src/core/explanation';
import { PRESET_IDS } from '../../src/core/schedule/presets';
import { presetKey } from '../../src/content/ui/Picker';
import { PLACEHOLDERS, TEMPLATE_TONES } from '../../src/core/templates';
import { NO_FOLLOW_UP_REASONS } from '../../src/core/follow-up';

const messages = (lang: string) =>
  JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Record<
    string,
    { message: string; placeholders?: Record<string, { content: string }> }
  >;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Keys the code builds at run time from a known list. */
const DYNAMIC_KEYS = [
  ...SECTION_IDS.map((id) => `section_${id}`),
  ...['empty', 'unrecognised', 'past'].map((r) => `dueError_${r}`),
  ...Object.values(FAILURE_KEYS),
  ...PRESET_IDS.map(presetKey),
  ...TEMPLATE_TONES.map((tone) => `tplTone_${tone}`),
  ...PLACEHOLDERS.map((name) => `tplPh_${name}`),
  ...NO_FOLLOW_UP_REASONS.map((r) => `followUpRefused_${r}`),
];

describe('locales', () => {
  const en = messages('en');
  const de = messages('de');

  it('has every key the code asks for, in English and German', () => {
    const used = new Set(DYNAMIC_KEYS);
    for (const file of sourceFiles('src')) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'(\w+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(10);
    for (const key of used) {
      expect(en, `en lacks ${key}`).toHaveProperty(key);
      expect(de, `de lacks ${key}`).toHaveProperty(key);
    }
  });

  it('declares a placeholder for every $N$ it uses, the same in both languages', () => {
    for (const [key, entry] of Object.entries(en)) {
      const names = (m: string) => [...m.matchAll(/\$(\w+)\$/g)].map((x) => x[1]!.toLowerCase()).sort();
      expect(names(de[key]!.message), key).toEqual(names(entry.message));
      for (const name of names(entry.message)) expect(entry.placeholders, key).toHaveProperty(name);
    }
  });
});

/**
 * The German UI says "Sie" everywhere (issue 11): no du pronoun or verb form,
 * no du imperative at the start of a sentence. (The du follow-up templates are
 * mail text the user chooses; they live in src/core/templates, not here.)
 */
// Word edges by letters, not \b (which takes "ü" for a non-letter).
const DU_WORDS = /(?<!\p{L})(du|dich|dir|dein\p{L}*|euch|euer\p{L}*|hast|bist|kannst|willst|musst|wirst|möchtest|solltest|brauchst|hattest|warst|siehst|weißt|findest|bekommst)(?!\p{L})/iu;
const DU_IMPERATIVE =
  /(^|[.!?:;–—(]\s*|„)(gib|klick|klicke|wähl|wähle|tipp|tippe|drück|drücke|öffne|nimm|sende|füg|füge|leg|lege|setz|setze|schau|prüf|prüfe|entferne|ändere|speichere|lösche|versuch|versuche|probier|probiere|mach|warte|melde|hol|lade|exportiere|importiere|schreib|schreibe|antworte|sieh|denk|denke)(?!\p{L})(?!\s+Sie(?!\p{L}))/iu;

function duForms(text: string): string[] {
  return [DU_WORDS.exec(text)?.[0], DU_IMPERATIVE.exec(text)?.[2]].filter((x): x is string => Boolean(x));
}

describe('German form of address', () => {
  it('finds du-forms where they are, and none in Sie sentences', () => {
    expect(duForms('Klicke in Gmail auf „Erinnern“.')).toEqual(['Klicke']);
    expect(duForms('Alles bleibt auf deinem Computer.')).toEqual(['deinem']);
    expect(duForms('Erinnern: sende nach, wenn niemand antwortet.')).toEqual(['sende']);
    expect(duForms('Hast du Zeit?')).toEqual(['Hast']);
    expect(duForms('Eine Nachricht für dich.')).toEqual(['dich']);
    expect(duForms('Am Südufer, im Büdirektorat, Sendezeit, Warteschlange.')).toEqual([]);
    expect(duForms('Klicken Sie in Gmail auf „Erinnern“. Öffnen Sie Gmail, um Ihre Konten zu sehen.')).toEqual([]);
    expect(duForms('Senden Sie die Antwort; ihr Sendezeitpunkt war nicht erkennbar. Wartend, gesendet.')).toEqual([]);
  });

  it('the German UI uses "Sie" in every string', () => {
    // The one string that names the informal form as a choice ("du (persönlich)").
    const namesTheForm = new Set(['tplAddressDu']);
    const de = messages('de');
    expect(duForms(de['tplAddressDu']!.message)).toEqual(['du']);
    const found = Object.entries(de).filter(([key]) => !namesTheForm.has(key)).flatMap(([key, { message }]) => duForms(message).map((w) => `${key}: ${w}`));
    expect(found).toEqual([]);
  });
});
