/**
 * Follow-up templates: which one applies, and the text it gives for a
 * reminder. Pure: `now` and the settings are passed in.
 *
 * For "Write follow-up": `renderFollowUp(reminder, settings, { locale, now,
 * myName?, recipients?, templateId? })` → `{ text, templateId }`. `text` is
 * plain text for insertText (never HTML), at most MAX_TEXT characters, with
 * "\n" line breaks; `myName` is the account's display name when the caller
 * knows it (the setting wins); `recipients` who the reply goes to when that
 * is not the reminder's recipients; `locale` e.g. from followUpLocale().
 */
import type { Reminder } from '../reminder';
import type { Settings } from '../settings';
import { BUILT_IN_TEMPLATES, builtInFor, DEFAULT_TONE } from './built-in';
import { templateContext, type TemplateContextOptions } from './context';
import { fillTemplate } from './fill';
import type { FollowUpTemplate, TemplateLocale } from './types';

export * from './types';
export { BUILT_IN_TEMPLATES, builtInFor, DEFAULT_TONE, defaultTemplatePrefs } from './built-in';
export { followUpLocale, templateContext, subjectText, type TemplateContext, type TemplateContextOptions } from './context';
export { fillTemplate, MAX_TEXT } from './fill';
export { personName } from './names';
export { unknownPlaceholders } from './placeholders';
export { normalizeSelection } from './selection';

/** The templates offered for a language: the built-ins (German: in the chosen form of address), then the user's. */
export function templatesFor(settings: Settings, locale: TemplateLocale): FollowUpTemplate[] {
  const address = settings.templates.germanAddress;
  const builtIns = BUILT_IN_TEMPLATES.filter((t) => t.locale === locale && (locale === 'en' || t.address === address));
  return [...builtIns, ...settings.templates.custom.filter((t) => t.locale === locale)];
}

/**
 * The template to use: the one asked for by id (any built-in or custom one),
 * else the language's selected one — a selected German built-in follows the
 * chosen form of address — else the friendly built-in. Never fails.
 */
export function pickTemplate(settings: Settings, locale: TemplateLocale, templateId?: string): FollowUpTemplate {
  const address = settings.templates.germanAddress;
  if (templateId) {
    const asked = [...BUILT_IN_TEMPLATES, ...settings.templates.custom].find((t) => t.id === templateId);
    if (asked) return asked;
  }
  const selected = settings.templates.selected[locale];
  const offered = templatesFor(settings, locale).find((t) => t.id === selected);
  if (offered) return offered;
  const builtIn = BUILT_IN_TEMPLATES.find((t) => t.id === selected && t.locale === locale);
  return builtInFor(locale, builtIn?.tone ?? DEFAULT_TONE, address);
}

export interface RenderOptions extends TemplateContextOptions {
  templateId?: string;
}

/** The follow-up text for a reminder (plain text, for insertText) and the template it came from. */
export function renderFollowUp(reminder: Reminder, settings: Settings, opts: RenderOptions): { text: string; templateId: string } {
  const template = pickTemplate(settings, opts.locale, opts.templateId);
  const context = templateContext(reminder, settings, { ...opts, locale: template.locale });
  const body = context.group && template.groupBody ? template.groupBody : template.body;
  return { text: fillTemplate(body, context.values), templateId: template.id };
}
