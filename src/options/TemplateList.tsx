import type { FollowUpTemplate } from '../core/templates';
import { useI18n } from './i18n';
import { languageLabel, templateLabel } from './template-labels';
import type { TemplateProblems } from './validate';

export interface TemplateListProps {
  templates: readonly FollowUpTemplate[];
  /** The template open in the editor. */
  activeId: string;
  problems: Record<string, TemplateProblems> | undefined;
  canAdd: boolean;
  open(id: string): void;
  duplicate(template: FollowUpTemplate): void;
  remove(id: string): void;
}

/** Every template, built-ins (show, duplicate) and the user's own (edit, delete); one is open in the editor. */
export function TemplateList({ templates, activeId, problems, canAdd, open, duplicate, remove }: TemplateListProps) {
  const { t } = useI18n();
  return (
    <>
      <h3 id="tpl-list-title">{t('tplListTitle')}</h3>
      <ul class="tpl-list" aria-labelledby="tpl-list-title">
        {templates.map((x) => {
          const label = templateLabel(t, x);
          // Built-ins share names across languages ("Friendly (built-in)"): their buttons say which.
          const full = `${label}, ${languageLabel(t, x)}`;
          const broken = problems?.[x.id];
          const isActive = x.id === activeId;
          return (
            <li key={x.id} class={isActive ? 'active' : undefined}>
              <span class="tpl-name">
                {label}
                <span class="hint">
                  {' · '}
                  {languageLabel(t, x)}
                  {/* A built-in's name is its tone already. */}
                  {x.builtIn ? '' : ` · ${t(`tplTone_${x.tone}`)}`}
                </span>
                {broken && <span class="field-error inline-error">{t('tplNeedsFixing')}</span>}
              </span>
              <span class="tpl-actions">
                <button
                  type="button"
                  aria-pressed={isActive ? 'true' : 'false'}
                  aria-label={x.builtIn ? t('tplShowNamed', [full]) : t('tplEditNamed', [label])}
                  aria-invalid={broken ? 'true' : undefined}
                  onClick={() => open(x.id)}
                >
                  {x.builtIn ? t('tplShow') : t('tplEdit')}
                </button>
                {x.builtIn ? (
                  <button type="button" disabled={!canAdd} aria-label={t('tplDuplicateNamed', [full])} onClick={() => duplicate(x)}>
                    {t('tplDuplicateToEdit')}
                  </button>
                ) : (
                  <button type="button" class="danger-button" aria-label={t('tplDeleteNamed', [label])} onClick={() => remove(x.id)}>
                    {t('tplDelete')}
                  </button>
                )}
              </span>
            </li>
          );
        })}
      </ul>
    </>
  );
}
