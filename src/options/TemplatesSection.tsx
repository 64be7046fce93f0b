import { useEffect, useRef, useState } from 'preact/hooks';
import type { Client } from '../core/protocol/client';
import type { Settings } from '../core/settings';
import {
  builtInFor,
  DEFAULT_TONE,
  normalizeSelection,
  TEMPLATE_LIMITS,
  TEMPLATE_LOCALES,
  templatesFor,
  type CustomTemplate,
  type FollowUpTemplate,
  type TemplateLocale,
  type TemplatePrefs,
} from '../core/templates';
import { Section } from './fields';
import { useI18n } from './i18n';
import { TemplateEditor } from './TemplateEditor';
import { TemplatePreview } from './TemplatePreview';
import { addTemplate, changeTemplate, newTemplateId, removeTemplate, restoreTemplate, type Removed } from './template-edits';
import { templateLabel } from './template-labels';
import { TemplateList } from './TemplateList';
import { useTemplateReminders } from './useTemplateReminders';
import type { SettingsProblems } from './validate';

export interface TemplatesProps {
  client: Client;
  draft: Settings;
  problems: SettingsProblems;
  update(change: (s: Settings) => Settings): void;
}

/**
 * Follow-up templates: the name to sign with, the German form of address,
 * the template used per language, the list (built-ins read-only, the user's
 * own editable) with one open in the editor, and a live preview.
 */
export function TemplatesSection({ client, draft, problems, update }: TemplatesProps) {
  const { t, locale } = useI18n();
  const prefs = draft.templates;
  const uiLanguage: TemplateLocale = locale.toLowerCase().startsWith('de') ? 'de' : 'en';
  const [activeId, setActiveId] = useState<string>(() => prefs.selected[uiLanguage]);
  const [removed, setRemoved] = useState<Removed | null>(null);
  /** A template just made: the editor takes the keyboard to its name. */
  const [created, setCreated] = useState<string | null>(null);
  const [now] = useState(() => Date.now());
  const reminders = useTemplateReminders(client);

  const setPrefs = (change: (p: TemplatePrefs) => TemplatePrefs) => update((s) => ({ ...s, templates: change(s.templates) }));
  const lists = { en: templatesFor(draft, 'en'), de: templatesFor(draft, 'de') };
  const all = [...lists.en, ...lists.de];
  const active: FollowUpTemplate = all.find((x) => x.id === activeId) ?? all.find((x) => x.id === prefs.selected[uiLanguage]) ?? builtInFor(uiLanguage, DEFAULT_TONE, prefs.germanAddress);
  const canAdd = prefs.custom.length < TEMPLATE_LIMITS.custom;

  const add = (template: CustomTemplate) => {
    setPrefs((p) => addTemplate(p, template));
    setActiveId(template.id);
    setCreated(template.id);
    setRemoved(null);
  };
  const createNew = () =>
    add({
      id: newTemplateId(),
      name: t('tplNewName'),
      locale: uiLanguage,
      tone: DEFAULT_TONE,
      ...(uiLanguage === 'de' ? { address: prefs.germanAddress } : {}),
      body: builtInFor(uiLanguage, DEFAULT_TONE, prefs.germanAddress).body,
    });
  const duplicate = (source: FollowUpTemplate) =>
    add({
      id: newTemplateId(),
      name: t('tplCopyName', [source.builtIn ? t(`tplTone_${source.tone}`) : source.name]).slice(0, TEMPLATE_LIMITS.name),
      locale: source.locale,
      tone: source.tone,
      ...(source.locale === 'de' ? { address: source.address ?? prefs.germanAddress } : {}),
      body: source.body,
    });
  const remove = (id: string) => {
    const result = removeTemplate(prefs, id);
    if (!result.removed) return;
    setPrefs(() => result.prefs);
    setRemoved(result.removed);
    if (activeId === id) setActiveId(result.prefs.selected[result.removed.template.locale]);
  };
  // The deleted row's button is gone: the keyboard goes to Undo.
  const undoButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (removed) undoButton.current?.focus();
  }, [removed]);
  const undo = () => {
    if (!removed) return;
    setPrefs((p) => restoreTemplate(p, removed));
    setActiveId(removed.template.id);
    // Undo is gone with its note: the keyboard goes to the restored template.
    setCreated(removed.template.id);
    setRemoved(null);
  };

  return (
    <Section id="templates" title={t('tplTitle')}>
      <p class="intro">{t('tplIntro')}</p>
      <div class="field">
        <label for="tpl-my-name">{t('tplMyName')}</label>
        <input
          type="text"
          id="tpl-my-name"
          value={prefs.myName ?? ''}
          maxLength={TEMPLATE_LIMITS.myName}
          autoComplete="name"
          aria-describedby="tpl-my-name-hint"
          onInput={(e) => {
            const value = (e.currentTarget as HTMLInputElement).value;
            setPrefs(({ myName: _, ...p }) => (value.trim() ? { ...p, myName: value } : p));
          }}
        />
        <p class="hint" id="tpl-my-name-hint">
          {t('tplMyNameHint')}
        </p>
      </div>
      <fieldset class="days" aria-describedby="tpl-address-hint">
        <legend>{t('tplAddress')}</legend>
        {(['sie', 'du'] as const).map((a) => (
          <label class="day" key={a}>
            <input
              type="radio"
              name="tpl-address"
              value={a}
              checked={prefs.germanAddress === a}
              onChange={() => setPrefs((p) => normalizeSelection({ ...p, germanAddress: a }))}
            />
            {a === 'sie' ? t('tplAddressSie') : t('tplAddressDu')}
          </label>
        ))}
        <p class="hint" id="tpl-address-hint">
          {t('tplAddressHint')}
        </p>
      </fieldset>
      <div class="row">
        {TEMPLATE_LOCALES.map((l) => (
          <div class="field" key={l}>
            <label for={`tpl-default-${l}`}>{l === 'en' ? t('tplDefaultEn') : t('tplDefaultDe')}</label>
            <select
              id={`tpl-default-${l}`}
              value={prefs.selected[l]}
              onChange={(e) => {
                const id = (e.currentTarget as HTMLSelectElement).value;
                setPrefs((p) => normalizeSelection({ ...p, selected: { ...p.selected, [l]: id } }));
              }}
            >
              {lists[l].map((x) => (
                <option key={x.id} value={x.id}>
                  {templateLabel(t, x)}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>

      <TemplateList
        templates={all}
        activeId={active.id}
        problems={problems.templates}
        canAdd={canAdd}
        open={(id) => {
          setActiveId(id);
          setCreated(null);
        }}
        duplicate={duplicate}
        remove={remove}
      />
      <div class="actions">
        <button type="button" onClick={createNew} disabled={!canAdd} aria-describedby={canAdd ? undefined : 'tpl-too-many'}>
          {t('tplNew')}
        </button>
        {!canAdd && (
          <p class="hint" id="tpl-too-many">
            {t('tplTooMany', [String(TEMPLATE_LIMITS.custom)])}
          </p>
        )}
      </div>
      <div class="outcome" aria-live="polite">
        {removed && (
          <>
            {t('tplDeleted', [templateLabel(t, removed.template)])}{' '}
            <button type="button" ref={undoButton} onClick={undo}>
              {t('tplUndo')}
            </button>
          </>
        )}
      </div>

      <TemplateEditor
        key={active.id}
        template={active}
        problems={problems.templates?.[active.id]}
        change={(change) => setPrefs((p) => changeTemplate(p, active.id, change))}
        duplicate={() => duplicate(active)}
        canAdd={canAdd}
        focusName={created === active.id}
      />
      <TemplatePreview template={active} draft={draft} reminders={reminders} now={now} />
    </Section>
  );
}
