/** Follow-up templates: the nudge text "Write follow-up" puts into Gmail's reply. Pure data. */

export const TEMPLATE_LOCALES = ['en', 'de'] as const;
export type TemplateLocale = (typeof TEMPLATE_LOCALES)[number];

export const TEMPLATE_TONES = ['short', 'friendly', 'firm'] as const;
export type TemplateTone = (typeof TEMPLATE_TONES)[number];

/** How a German template addresses people: formal "Sie" (the default) or informal "du". */
export const GERMAN_ADDRESSES = ['sie', 'du'] as const;
export type GermanAddress = (typeof GERMAN_ADDRESSES)[number];

export interface FollowUpTemplate {
  id: string;
  name: string;
  locale: TemplateLocale;
  tone: TemplateTone;
  /** German only. */
  address?: GermanAddress;
  /** Plain text with placeholders ({@link PLACEHOLDERS}); never HTML. */
  body: string;
  /**
   * Used instead of `body` when the follow-up goes to several people — only
   * where the wording must change (German du: "dir" → "euch"). Built-ins only.
   */
  groupBody?: string;
  builtIn?: true;
}

/** A template the user wrote (stored in the settings). */
export type CustomTemplate = Omit<FollowUpTemplate, 'builtIn' | 'groupBody'>;

/** What the user chose about follow-up texts (Settings.templates). */
export interface TemplatePrefs {
  /** The template "Write follow-up" uses, per language (a built-in or a custom id). */
  selected: Record<TemplateLocale, string>;
  germanAddress: GermanAddress;
  /** How the user signs (`{myName}`); absent: the account's name when known, else no sign-off name. */
  myName?: string;
  custom: CustomTemplate[];
}

export const PLACEHOLDERS = ['firstName', 'name', 'subject', 'sentDate', 'daysAgo', 'myName'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export const TEMPLATE_LIMITS = {
  custom: 30,
  body: 2000,
  name: 60,
  myName: 100,
  id: 64,
} as const;

/** Ids of custom templates: `custom:` and a few letters, digits or dashes. */
export const CUSTOM_ID_PATTERN = /^custom:[A-Za-z0-9-]{1,56}$/;

export function isPlaceholder(name: string): name is Placeholder {
  return (PLACEHOLDERS as readonly string[]).includes(name);
}
