import { RequestFailedError } from '../../core/protocol/client';
import { formatDue } from '../../core/schedule/format';
import type { ContentDeps } from './deps';
import type { PreviewInput, PreviewResult } from '../ui/types';

/** The UI's preview callback: the background parses (chrono stays out of Gmail's page) and answers with a label. */
export function previewer(deps: ContentDeps): (input: PreviewInput) => Promise<PreviewResult> {
  return async (input) => {
    try {
      return { ok: true, preview: await deps.request('due.preview', input) };
    } catch (error) {
      const message = error instanceof RequestFailedError || error instanceof Error ? error.message : String(error);
      return { ok: false, message };
    }
  };
}

/** A stored due time in the user's zone and the browser's language, as the toast and thread control show it. */
export async function dueLabel(deps: ContentDeps, at: number): Promise<string> {
  const { schedule } = await deps.settings();
  return formatDue(at, deps.now(), schedule.timeZone, deps.locale);
}
