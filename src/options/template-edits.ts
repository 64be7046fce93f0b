/** Changes to Settings.templates the editor makes; pure, each keeps the selection valid. */
import type { Reminder } from '../core/reminder';
import { normalizeSelection, TEMPLATE_LOCALES, type CustomTemplate, type TemplateLocale, type TemplatePrefs } from '../core/templates';

export const newTemplateId = (): string => `custom:${crypto.randomUUID()}`;

export function addTemplate(prefs: TemplatePrefs, template: CustomTemplate): TemplatePrefs {
  return normalizeSelection({ ...prefs, custom: [...prefs.custom, template] });
}

export function changeTemplate(prefs: TemplatePrefs, id: string, change: Partial<CustomTemplate>): TemplatePrefs {
  return normalizeSelection({
    ...prefs,
    custom: prefs.custom.map((t) => {
      if (t.id !== id) return t;
      const next = { ...t, ...change };
      // Only German has a form of address.
      if (next.locale === 'en') delete next.address;
      else next.address ??= prefs.germanAddress;
      return next;
    }),
  });
}

/** What a delete took away, to put it back exactly (place in the list, default for its language). */
export interface Removed {
  template: CustomTemplate;
  index: number;
  selectedFor: TemplateLocale[];
}

export function removeTemplate(prefs: TemplatePrefs, id: string): { prefs: TemplatePrefs; removed: Removed | null } {
  const index = prefs.custom.findIndex((t) => t.id === id);
  const template = prefs.custom[index];
  if (!template) return { prefs, removed: null };
  const selectedFor = TEMPLATE_LOCALES.filter((l) => prefs.selected[l] === id);
  return { prefs: normalizeSelection({ ...prefs, custom: prefs.custom.filter((t) => t.id !== id) }), removed: { template, index, selectedFor } };
}

export function restoreTemplate(prefs: TemplatePrefs, removed: Removed): TemplatePrefs {
  if (prefs.custom.some((t) => t.id === removed.template.id)) return prefs;
  const custom = [...prefs.custom];
  custom.splice(Math.min(removed.index, custom.length), 0, removed.template);
  const selected = { ...prefs.selected };
  for (const l of removed.selectedFor) if (removed.template.locale === l) selected[l] = removed.template.id;
  return normalizeSelection({ ...prefs, custom, selected });
}

const SAMPLE_SUBJECT: Record<TemplateLocale, string> = { en: 'Quote for the spring catalogue', de: 'Angebot für den Frühjahrskatalog' };

/** A made-up reminder for the preview when the user has none stored (labelled as a sample on the page). */
export function sampleReminder(locale: TemplateLocale, account: string, now: number): Reminder {
  const sentAt = now - 3 * 86_400_000;
  return {
    id: 'sample',
    account,
    thread: { provider: 'gmail', subject: `Re: ${SAMPLE_SUBJECT[locale]}`, recipients: [{ email: 'jane.doe@example.com', name: 'Jane Doe' }] },
    threadKey: 'gmail:sample',
    kind: 'no-reply',
    status: 'notified',
    sentAt,
    dueAt: now,
    createdAt: sentAt,
    updatedAt: sentAt,
    rev: 1,
    history: [],
  };
}
