import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { DuePreview } from '../../core/protocol/messages';
import { PRESET_IDS, type PresetId } from '../../core/schedule/presets';
import { focusFirst, isolate } from './Dropdown';
import type { Armed, DueChoice, PreviewInput, PreviewResult, Translate } from './types';

/** Locale keys allow no '-': `preset_in_2_days`. */
export const presetKey = (id: PresetId) => `preset_${id.replace(/-/g, '_')}`;

const DEBOUNCE_MS = 250;
const pad = (n: number) => String(n).padStart(2, '0');
const localNow = (d = new Date()) =>
  `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;

/** `shown`: the time the preview gave, echoed back (the armed label may be the user's own words). */
type Echo = null | { busy: true } | { ok: true; armed: Armed; shown: string; moved: boolean } | { ok: false; message: string };

export interface PickerProps {
  t: Translate;
  lang: 'en' | 'de';
  defaultPreset: PresetId;
  preview(input: PreviewInput): Promise<PreviewResult>;
  onPick(armed: Armed): void;
  /** Only the presets (snooze). */
  presetsOnly?: boolean;
  /**
   * Offer "regardless of replies" beside the kind this place arms (`no-reply`: "if no reply", `owed-reply`:
   * "until I reply"); absent: no choice (snooze, change). A pick made with "regardless" carries `kind: 'always'`.
   */
  kinds?: 'no-reply' | 'owed-reply';
  /** The choice shown first (the compose's armed kind when its picker opens again). */
  initialKind?: 'always';
}

/** The kind choice: the reminder waits for an answer, or comes regardless. */
function KindChoice({ t, wait, kind, onKind }: { t: Translate; wait: 'no-reply' | 'owed-reply'; kind: 'wait' | 'always'; onKind(k: 'wait' | 'always'): void }) {
  const name = useRef(`ft-kind-${Math.random().toString(36).slice(2, 10)}`).current;
  const option = (value: 'wait' | 'always', label: string) => (
    <label>
      <input type="radio" name={name} value={value} checked={kind === value} onChange={() => onKind(value)} />
      {label}
    </label>
  );
  return (
    <fieldset class="kinds">
      <legend>{t('pickerKindLabel')}</legend>
      {option('wait', t(wait === 'owed-reply' ? 'pickerKindOwed' : 'pickerKindNoReply'))}
      {option('always', t('pickerKindAlways'))}
    </fieldset>
  );
}

/**
 * Presets (each with the time it would give), a custom date-time and free
 * text. Every choice is previewed by the background and its label shown
 * before it is used; an answer to an older question is dropped.
 */
export function Picker({ t, lang, defaultPreset, preview, onPick: pick, presetsOnly, kinds, initialKind }: PickerProps) {
  const [kind, setKind] = useState<'wait' | 'always'>(kinds && initialKind === 'always' ? 'always' : 'wait');
  // The kind goes with whatever is picked, as it is chosen at that moment.
  const onPick = (armed: Armed) => {
    const { kind: _earlier, ...rest } = armed;
    pick(kind === 'always' ? { ...rest, kind: 'always' } : rest);
  };
  const [labels, setLabels] = useState<Partial<Record<PresetId, { label: string; at: number }>>>({});
  const [echo, setEcho] = useState<Echo>(null);
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const live = useRef(true);
  const root = useRef<HTMLDivElement>(null);

  const ask = (input: PreviewInput) =>
    preview(input).catch((e: unknown): PreviewResult => ({ ok: false, message: e instanceof Error ? e.message : String(e) }));

  // The first preset takes the focus (the kind choice above it is one Shift+Tab away).
  useLayoutEffect(() => focusFirst(root.current?.querySelector('[role=group]') ?? root.current), []);
  useEffect(() => {
    for (const id of PRESET_IDS) {
      void ask({ preset: id }).then((r) => {
        if (live.current && r.ok) setLabels((l) => ({ ...l, [id]: { label: r.preview.label, at: r.preview.at } }));
      });
    }
    return () => {
      live.current = false;
      clearTimeout(timer.current);
    };
  }, []);

  const show = (n: number, r: PreviewResult, due: (p: DuePreview) => DueChoice, label = (p: DuePreview) => p.label) => {
    if (!live.current || n !== seq.current) return false;
    setEcho(
      r.ok
        ? { ok: true, armed: { due: due(r.preview), label: label(r.preview), at: r.preview.at }, shown: r.preview.label, moved: r.preview.moved }
        : { ok: false, message: r.message },
    );
    return r.ok;
  };

  const pickPreset = async (preset: PresetId) => {
    clearTimeout(timer.current);
    const n = ++seq.current;
    const known = labels[preset];
    if (known) return onPick({ due: { preset }, ...known });
    setEcho({ busy: true });
    const r = await ask({ preset });
    if (show(n, r, () => ({ preset })) && r.ok) onPick({ due: { preset }, label: r.preview.label, at: r.preview.at });
  };

  const later = (input: PreviewInput | null, due: (p: DuePreview) => DueChoice, label?: (p: DuePreview) => string) => {
    clearTimeout(timer.current);
    const n = ++seq.current;
    setEcho(input && { busy: true });
    if (input) timer.current = setTimeout(() => void ask(input).then((r) => show(n, r, due, label)), DEBOUNCE_MS);
  };

  const accept = () => {
    if (echo && 'armed' in echo) onPick(echo.armed);
  };
  const onEnter = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      accept();
    }
  };

  return (
    <div ref={root}>
      {kinds && <KindChoice t={t} wait={kinds} kind={kind} onKind={setKind} />}
      <div role="group" aria-label={t('pickerPresets')}>
        {PRESET_IDS.map((id) => (
          <button key={id} type="button" class="item" onClick={() => void pickPreset(id)}>
            <span>{t(presetKey(id))}</span>
            {id === defaultPreset && <span class="tag">{t('pickerDefault')}</span>}
            <span class="when">{labels[id] && isolate(labels[id].label)}</span>
          </button>
        ))}
      </div>
      {!presetsOnly && (
        <>
          <hr />
          <label class="field">
            {t('pickerCustom')}
            <input
              type="datetime-local"
              min={localNow()}
              onInput={(e) => {
                const v = e.currentTarget.value.slice(0, 16);
                later(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/.test(v) ? { local: v } : null, () => ({ local: v }));
              }}
              onKeyDown={onEnter}
            />
          </label>
          <label class="field">
            {t('pickerText')}
            <input
              type="text"
              maxLength={200}
              placeholder={t('pickerTextPlaceholder')}
              onInput={(e) => {
                const v = e.currentTarget.value.trim();
                // "in 2 hours" stays relative, so it counts from the send, not from now; its label is the
                // user's words, which stay true however long the compose stays open (the echo shows the time now).
                later(
                  v ? { text: v, lang } : null,
                  (p) => p.relative ?? { at: p.at },
                  (p) => (p.relative ? v : p.label),
                );
              }}
              onKeyDown={onEnter}
            />
          </label>
        </>
      )}
      <div class={echo && 'ok' in echo && !echo.ok ? 'echo err' : 'echo'} aria-live="polite">
        {echo &&
          ('busy' in echo
            ? t('pickerChecking')
            : echo.ok
              ? `${t('pickerResult', [isolate(echo.shown)])}${echo.moved ? ` ${t('pickerMoved')}` : ''}`
              : echo.message)}
      </div>
      {!presetsOnly && (
        <button type="button" class="use" disabled={!(echo && 'armed' in echo)} onClick={accept}>
          {t('pickerUse')}
        </button>
      )}
    </div>
  );
}
