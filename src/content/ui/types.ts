import type { DuePreview } from '../../core/protocol/messages';
import type { DueIntent } from '../../core/schedule/intent';
import type { PresetId } from '../../core/schedule/presets';

/** `browser.i18n.getMessage` in the extension, a fake in tests. */
export type Translate = (key: string, substitutions?: string[]) => string;

/** How the user said when; the background resolves it (see DueSchema): relative choices count from the send. */
export type DueChoice = DueIntent;

/** What `due.preview` accepts. */
export type PreviewInput = { preset: PresetId } | { local: string } | { text: string; lang?: 'en' | 'de' };

export type PreviewResult = { ok: true; preview: DuePreview } | { ok: false; message: string };

/** A due time the user picked, with the label they were shown for it. */
export interface Armed {
  due: DueChoice;
  /** e.g. "Thu 09:00", from the preview. */
  label: string;
  /** The instant the preview showed: for an absolute choice, the time the compose checks at Send. */
  at: number;
  /** "Regardless of replies" (reminder kind `always`); absent: the kind the place arms ("if no reply", "until I reply"). */
  kind?: 'always';
  /** Armed by "Write follow-up": sending the nudge re-arms the reminder (the chain's step, or the default delay). */
  followUp?: boolean;
  /** The chain's next follow-up: number `step` of `steps` (absent: the default delay, no further step). */
  step?: number;
  steps?: number;
  /** `step` is the last follow-up the chain plans. */
  final?: boolean;
}
