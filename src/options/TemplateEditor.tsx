import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { PLACEHOLDERS, TEMPLATE_LIMITS, TEMPLATE_TONES, unknownPlaceholders, type CustomTemplate, type FollowUpTemplate, type Placeholder } from '../core/templates';
import { FieldError } from './fields';
import { useI18n } from './i18n';
import { templateLabel } from './template-labels';
import type { TemplateProblems } from './validate';

export interface TemplateEditorProps {
  template: FollowUpTemplate;
  problems: TemplateProblems | undefined;
  change(change: Partial<CustomTemplate>): void;
  duplicate(): void;
  canAdd: boolean;
  /** Just created (or restored): put the cursor in the name. */
  focusName?: boolean;
}

/** One template: a built-in read-only (with "Duplicate to edit"), one of the user's with every field editable. */
export function TemplateEditor({ template, problems, change, duplicate, canAdd, focusName }: TemplateEditorProps) {
  const { t, locale } = useI18n();
  const body = useRef<HTMLTextAreaElement>(null);
  const caret = useRef<number | null>(null);
  const readOnly = template.builtIn === true;
  const unknown = unknownPlaceholders(template.body);
  const nameError = problems?.name === 'empty' ? t('tplErrorNameEmpty') : problems?.name === 'tooLong' ? t('tplErrorTooLong', [String(TEMPLATE_LIMITS.name)]) : undefined;
  const bodyError = problems?.body === 'tooLong' ? t('tplErrorTooLong', [String(TEMPLATE_LIMITS.body)]) : undefined;
  const count = (n: number) => new Intl.NumberFormat(locale).format(n);

  const name = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!focusName || !name.current) return;
    name.current.focus();
    name.current.select();
  }, [focusName]);

  // After a placeholder button, the cursor goes back into the text, right after what was inserted.
  useLayoutEffect(() => {
    const at = caret.current;
    if (at === null || !body.current) return;
    caret.current = null;
    body.current.focus();
    body.current.setSelectionRange(at, at);
  });

  const insert = (name: Placeholder) => {
    const field = body.current;
    const start = field?.selectionStart ?? template.body.length;
    const end = field?.selectionEnd ?? start;
    const token = `{${name}}`;
    caret.current = start + token.length;
    change({ body: template.body.slice(0, start) + token + template.body.slice(end) });
  };

  return (
    <div class="tpl-editor" role="group" aria-labelledby="tpl-editor-title">
      <h3 id="tpl-editor-title">{readOnly ? t('tplViewTitle', [templateLabel(t, template)]) : t('tplEditTitle', [template.name])}</h3>
      {readOnly ? (
        <div class="actions">
          <p class="hint">{t('tplBuiltInReadOnly')}</p>
          <button type="button" onClick={duplicate} disabled={!canAdd}>
            {t('tplDuplicateToEdit')}
          </button>
        </div>
      ) : (
        <>
          <div class="field">
            <label for="tpl-name">{t('tplName')}</label>
            <input
              type="text"
              id="tpl-name"
              ref={name}
              value={template.name}
              autoComplete="off"
              aria-invalid={nameError ? 'true' : undefined}
              aria-describedby="tpl-name-error"
              onInput={(e) => change({ name: (e.currentTarget as HTMLInputElement).value })}
            />
            <FieldError id="tpl-name-error" message={nameError} />
          </div>
          <div class="row">
            <div class="field">
              <label for="tpl-locale">{t('tplLanguage')}</label>
              <select id="tpl-locale" value={template.locale} onChange={(e) => change({ locale: (e.currentTarget as HTMLSelectElement).value as 'en' | 'de' })}>
                <option value="en">{t('tplLangEn')}</option>
                <option value="de">{t('tplLangDe')}</option>
              </select>
            </div>
            <div class="field">
              <label for="tpl-tone">{t('tplTone')}</label>
              <select id="tpl-tone" value={template.tone} onChange={(e) => change({ tone: (e.currentTarget as HTMLSelectElement).value as CustomTemplate['tone'] })}>
                {TEMPLATE_TONES.map((tone) => (
                  <option key={tone} value={tone}>
                    {t(`tplTone_${tone}`)}
                  </option>
                ))}
              </select>
            </div>
            {template.locale === 'de' && (
              <div class="field">
                <label for="tpl-address">{t('tplAddressOne')}</label>
                <select id="tpl-address" value={template.address ?? 'sie'} onChange={(e) => change({ address: (e.currentTarget as HTMLSelectElement).value as 'sie' | 'du' })}>
                  <option value="sie">{t('tplAddressSie')}</option>
                  <option value="du">{t('tplAddressDu')}</option>
                </select>
              </div>
            )}
          </div>
        </>
      )}
      <div class="field">
        <label for="tpl-body">{t('tplBody')}</label>
        {!readOnly && (
          <div class="placeholders" role="group" aria-label={t('tplInsertLabel')}>
            {PLACEHOLDERS.map((name) => (
              <button type="button" key={name} onClick={() => insert(name)}>
                <code>{`{${name}}`}</code> <span class="ph-desc">{t(`tplPh_${name}`)}</span>
              </button>
            ))}
          </div>
        )}
        <textarea
          id="tpl-body"
          ref={body}
          rows={9}
          value={template.body}
          readOnly={readOnly}
          spellcheck={!readOnly}
          aria-invalid={bodyError ? 'true' : undefined}
          aria-describedby={['tpl-body-hint', !readOnly && 'tpl-body-count', unknown.length > 0 && 'tpl-body-unknown', bodyError && 'tpl-body-error'].filter(Boolean).join(' ')}
          onInput={(e) => change({ body: (e.currentTarget as HTMLTextAreaElement).value })}
        />
        <p class="hint" id="tpl-body-hint">
          {t('tplBodyHint')}
        </p>
        {!readOnly && (
          <p class="hint" id="tpl-body-count">
            {t('tplCount', [count(template.body.length), count(TEMPLATE_LIMITS.body)])}
          </p>
        )}
        {unknown.length > 0 && (
          <p class="warning" id="tpl-body-unknown">
            {t('tplUnknown', [unknown.join(' ')])}
          </p>
        )}
        <FieldError id="tpl-body-error" message={bodyError} />
      </div>
    </div>
  );
}
