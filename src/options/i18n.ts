import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Translate } from '../core/notification-text';

export interface I18n {
  t: Translate;
  /** BCP 47 UI language, e.g. `en-US` or `de`. */
  locale: string;
}

export const I18nContext = createContext<I18n>({ t: (key) => key, locale: 'en' });
export const useI18n = () => useContext(I18nContext);

/** "Thu, Dec 3, 2026, 09:00"-style date and time in the UI language. */
export function formatDateTime(locale: string, ms: number): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}
