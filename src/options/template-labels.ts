import type { Translate } from '../core/notification-text';
import type { FollowUpTemplate } from '../core/templates';

/** "English" / "German (Sie)". */
export function languageLabel(t: Translate, template: Pick<FollowUpTemplate, 'locale' | 'address'>): string {
  if (template.locale === 'en') return t('tplLangEn');
  return template.address ? t('tplLangDeAddress', [template.address === 'du' ? 'du' : 'Sie']) : t('tplLangDe');
}

/** A built-in by its tone ("Friendly (built-in)"), one of the user's by the name they gave it. */
export function templateLabel(t: Translate, template: FollowUpTemplate): string {
  return template.builtIn ? t('tplBuiltInName', [t(`tplTone_${template.tone}`)]) : template.name.trim() || t('tplUnnamed');
}
