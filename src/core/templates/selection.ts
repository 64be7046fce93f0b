import { BUILT_IN_TEMPLATES, builtInFor, DEFAULT_TONE } from './built-in';
import { TEMPLATE_LOCALES, type TemplatePrefs } from './types';

/**
 * Keeps each language's selected template one the user can see in that
 * language's list: a German built-in follows the chosen form of address, and
 * a deleted (or re-languaged) template of the user's gives way to the
 * friendly built-in. Returns `prefs` itself when nothing changes.
 */
export function normalizeSelection(prefs: TemplatePrefs): TemplatePrefs {
  let selected = prefs.selected;
  for (const locale of TEMPLATE_LOCALES) {
    const id = selected[locale];
    const builtIn = BUILT_IN_TEMPLATES.find((t) => t.id === id && t.locale === locale);
    const wanted = builtIn
      ? builtInFor(locale, builtIn.tone, prefs.germanAddress).id
      : prefs.custom.some((t) => t.id === id && t.locale === locale)
        ? id
        : builtInFor(locale, DEFAULT_TONE, prefs.germanAddress).id;
    if (wanted !== id) selected = { ...selected, [locale]: wanted };
  }
  return selected === prefs.selected ? prefs : { ...prefs, selected };
}
