import { readFileSync } from 'node:fs';
import { render } from '@testing-library/preact';
import { h } from 'preact';
import { vi } from 'vitest';
import { ThreadControl, type ThreadControlProps } from '../../../src/content/ui/ThreadControl';
import type { DuePreview } from '../../../src/core/protocol/messages';
import type { PresetId } from '../../../src/core/schedule/presets';
import type { PreviewInput, PreviewResult, Translate } from '../../../src/content/ui/types';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const en = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Messages;

/** `browser.i18n.getMessage` over the real English messages; throws on a key the locale lacks. */
export const t: Translate = (key, subs = []) => {
  const entry = en[key];
  if (!entry) throw new Error(`No message ${key}`);
  return entry.message.replace(/\$(\w+)\$/g, (_, name: string) =>
    (entry.placeholders?.[name.toLowerCase()]?.content ?? '').replace(/\$(\d)/g, (__, d: string) => subs[Number(d) - 1] ?? ''),
  );
};

/** Strips the bidi isolates the UI puts around labels. */
export const plain = (s: string | null | undefined) => (s ?? '').replace(/[\u2068\u2069]/g, '');

export const PRESET_LABELS: Record<PresetId, string> = {
  tomorrow: 'Thu 09:00',
  'in-2-days': 'Fri 09:00',
  'in-3-days': 'Mon 09:00',
  'in-1-week': 'Wed, Dec 10, 09:00',
  'next-week': 'Mon, Dec 8, 09:00',
  'in-2-weeks': 'Wed, Dec 17, 09:00',
};

export const ok = (label: string, at = 1_800_000_000_000, moved = false): PreviewResult => ({
  ok: true,
  preview: { at, moved, exactTime: true, label } satisfies DuePreview,
});

/** A preview that answers presets at once and everything else from `other`. */
export function fakePreview(other: (input: PreviewInput) => Promise<PreviewResult> = async () => ok('Tue 10:00')) {
  return vi.fn(async (input: PreviewInput): Promise<PreviewResult> => ('preset' in input ? ok(PRESET_LABELS[input.preset]) : other(input)));
}

export function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

export const textCalls = (preview: { mock: { calls: [PreviewInput][] } }) =>
  preview.mock.calls.map(([i]) => i).filter((i) => !('preset' in i));

/** Renders the thread control for `reminder` with a spy on every action; `extra` adds optional ones (e.g. onSetRepeat). */
export function renderThreadControl(reminder: ThreadControlProps['reminder'], extra: Partial<ThreadControlProps> = {}): ThreadControlProps {
  const props: ThreadControlProps = {
    t,
    lang: 'en',
    reminder,
    defaultPreset: 'tomorrow',
    preview: fakePreview(),
    onCreate: vi.fn(),
    onChange: vi.fn(),
    onSnooze: vi.fn(),
    onCancel: vi.fn(),
    onNotReply: vi.fn(),
    onAutoAnswer: vi.fn(),
    ...extra,
  };
  render(h(ThreadControl, props));
  return props;
}
