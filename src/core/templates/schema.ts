import * as v from 'valibot';
import { CUSTOM_ID_PATTERN, GERMAN_ADDRESSES, TEMPLATE_LIMITS, TEMPLATE_LOCALES, TEMPLATE_TONES } from './types';

/** A template the user wrote; German ones may say which form of address they use, English ones may not. */
const CustomTemplateSchema = v.pipe(
  v.object({
    id: v.pipe(v.string(), v.regex(CUSTOM_ID_PATTERN, 'A custom template id is "custom:" and letters, digits or dashes')),
    name: v.pipe(v.string(), v.check((n) => n.trim() !== '', 'A template needs a name'), v.maxLength(TEMPLATE_LIMITS.name)),
    locale: v.picklist(TEMPLATE_LOCALES),
    tone: v.picklist(TEMPLATE_TONES),
    address: v.optional(v.picklist(GERMAN_ADDRESSES)),
    body: v.pipe(v.string(), v.maxLength(TEMPLATE_LIMITS.body)),
  }),
  v.check((t) => t.locale === 'de' || t.address === undefined, 'Only a German template has a form of address'),
);

const selectedId = v.pipe(v.string(), v.minLength(1), v.maxLength(TEMPLATE_LIMITS.id));

/** Settings.templates, wherever it comes from (storage, the options page, a backup). */
export const TemplatePrefsSchema = v.object({
  selected: v.object({ en: selectedId, de: selectedId }),
  germanAddress: v.picklist(GERMAN_ADDRESSES),
  myName: v.optional(v.pipe(v.string(), v.maxLength(TEMPLATE_LIMITS.myName))),
  custom: v.pipe(
    v.array(CustomTemplateSchema),
    v.maxLength(TEMPLATE_LIMITS.custom, `At most ${TEMPLATE_LIMITS.custom} templates of your own`),
    v.check((list) => new Set(list.map((t) => t.id)).size === list.length, 'Two templates have the same id'),
  ),
});
