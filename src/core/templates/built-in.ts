import type { FollowUpTemplate, GermanAddress, TemplateLocale, TemplatePrefs, TemplateTone } from './types';

/*
 * The nudges shipped with the extension. Rules the wording keeps:
 * - the greeting is a line of its own, so a missing name leaves "Hi," /
 *   "Guten Tag," and a missing {myName} drops only the name line;
 * - no {subject} in the body: the reply already carries "Re: <subject>" and
 *   the quoted thread;
 * - no {daysAgo} either: "after 1 days" / "0 days" cannot be worded well in a
 *   fixed text, and {sentDate} says the same;
 * - German "Sie" greets with the full name ("Guten Tag Jane Doe,"): "Frau"
 *   or "Herr" would need a gender nobody told us. Sie forms are also the
 *   plural, so they suit several recipients; the du texts that speak to the
 *   reader ("dir") have an ihr variant for several ("euch").
 * - German sign-offs have no comma (DIN 5008).
 */

/** The tone "Write follow-up" uses until the user picks another. */
export const DEFAULT_TONE: TemplateTone = 'friendly';

const id = (lang: 'en' | `de-${GermanAddress}`, tone: TemplateTone) => `builtin:${lang}:${tone}`;

const en = (tone: TemplateTone, name: string, body: string): FollowUpTemplate => ({ id: id('en', tone), name, locale: 'en', tone, body, builtIn: true });

const de = (address: GermanAddress, tone: TemplateTone, name: string, body: string, groupBody?: string): FollowUpTemplate => ({
  id: id(`de-${address}`, tone),
  name,
  locale: 'de',
  tone,
  address,
  body,
  ...(groupBody ? { groupBody } : {}),
  builtIn: true,
});

export const BUILT_IN_TEMPLATES: readonly FollowUpTemplate[] = Object.freeze([
  en('short', 'Short', 'Hi {firstName},\n\nJust following up on my email from {sentDate}. Any news?\n\nThanks,\n{myName}'),
  en(
    'friendly',
    'Friendly',
    'Hi {firstName},\n\nI hope you are well. I wanted to follow up on my email from {sentDate} — have you had a chance to look at it? Happy to help if anything is unclear.\n\nBest regards,\n{myName}',
  ),
  en(
    'firm',
    'Firm',
    'Hi {firstName},\n\nI am following up again on my email from {sentDate}, as I have not heard back yet. Could you please let me know where things stand by the end of this week? A short status update is enough.\n\nThank you,\n{myName}',
  ),
  de('sie', 'short', 'Kurz (Sie)', 'Guten Tag {name},\n\nich möchte kurz an meine E-Mail vom {sentDate} erinnern. Haben Sie schon Neuigkeiten für mich?\n\nViele Grüße\n{myName}'),
  de(
    'sie',
    'friendly',
    'Freundlich (Sie)',
    'Guten Tag {name},\n\nich hoffe, es geht Ihnen gut. Ich möchte freundlich an meine E-Mail vom {sentDate} erinnern – hatten Sie schon Gelegenheit, sie sich anzusehen? Wenn etwas unklar ist, helfe ich Ihnen gern weiter.\n\nBeste Grüße\n{myName}',
  ),
  de(
    'sie',
    'firm',
    'Bestimmt (Sie)',
    'Guten Tag {name},\n\nauf meine E-Mail vom {sentDate} habe ich leider noch keine Antwort erhalten. Bitte geben Sie mir bis Ende dieser Woche Bescheid, wie der Stand ist – eine kurze Zwischennachricht genügt.\n\nMit freundlichen Grüßen\n{myName}',
  ),
  de(
    'du',
    'short',
    'Kurz (du)',
    'Hallo {firstName},\n\nich wollte kurz an meine E-Mail vom {sentDate} erinnern. Hast du schon Neuigkeiten für mich?\n\nViele Grüße\n{myName}',
    'Hallo {firstName},\n\nich wollte kurz an meine E-Mail vom {sentDate} erinnern. Habt ihr schon Neuigkeiten für mich?\n\nViele Grüße\n{myName}',
  ),
  de(
    'du',
    'friendly',
    'Freundlich (du)',
    'Hallo {firstName},\n\nich hoffe, dir geht es gut. Ich wollte kurz an meine E-Mail vom {sentDate} erinnern – hattest du schon Gelegenheit, sie dir anzusehen? Wenn etwas unklar ist, helfe ich dir gern weiter.\n\nLiebe Grüße\n{myName}',
    'Hallo {firstName},\n\nich hoffe, euch geht es gut. Ich wollte kurz an meine E-Mail vom {sentDate} erinnern – hattet ihr schon Gelegenheit, sie euch anzusehen? Wenn etwas unklar ist, helfe ich euch gern weiter.\n\nLiebe Grüße\n{myName}',
  ),
  de(
    'du',
    'firm',
    'Bestimmt (du)',
    'Hallo {firstName},\n\nauf meine E-Mail vom {sentDate} habe ich leider noch keine Antwort bekommen. Gib mir bitte bis Ende dieser Woche Bescheid, wie der Stand ist – eine kurze Zwischennachricht genügt.\n\nViele Grüße\n{myName}',
    'Hallo {firstName},\n\nauf meine E-Mail vom {sentDate} habe ich leider noch keine Antwort bekommen. Gebt mir bitte bis Ende dieser Woche Bescheid, wie der Stand ist – eine kurze Zwischennachricht genügt.\n\nViele Grüße\n{myName}',
  ),
]);

/** The built-in of this language, tone and (German) form of address. */
export function builtInFor(locale: TemplateLocale, tone: TemplateTone, address: GermanAddress): FollowUpTemplate {
  const found = BUILT_IN_TEMPLATES.find((t) => t.locale === locale && t.tone === tone && (locale === 'en' || t.address === address));
  if (!found) throw new Error(`No built-in ${locale} ${tone} template`);
  return found;
}


/** Before the user chooses: the friendly built-ins, German in "Sie", no custom templates. */
export const defaultTemplatePrefs = (): TemplatePrefs => ({
  selected: { en: builtInFor('en', DEFAULT_TONE, 'sie').id, de: builtInFor('de', DEFAULT_TONE, 'sie').id },
  germanAddress: 'sie',
  custom: [],
});
