/**
 * The popup without the extension: for the benchmark (first render of
 * thousands of reminders) and for tests. Imports nothing from src/platform,
 * so it runs wherever there is a DOM.
 */
import { render } from 'preact';
import type { ResponseMap } from '../core/protocol/messages';
import { defaultSettings } from '../core/settings';
import { Checklist } from './Checklist';
import type { ListData, Request, Translate } from './types';

export interface RenderOptions {
  /** The translator; by default the key and its substitutions, which is enough to measure. */
  t?: Translate;
  locale?: string;
  timeZone?: string;
}

const keyTranslator: Translate = (key, subs) => (subs?.length ? `${key}(${subs.join(', ')})` : key);

/**
 * Renders the checklist for a `reminder.list` answer synchronously into
 * `container` (the rows are in the DOM when this returns). Writes are
 * answered with errors; nothing leaves the page. Returns an unmount function.
 */
export function renderChecklist(container: Element, data: ListData, options: RenderOptions = {}): () => void {
  const timeZone = options.timeZone ?? 'UTC';
  const offline = (async (type: string) => {
    if (type === 'reminder.list') return data;
    if (type === 'settings.get') return { settings: defaultSettings(timeZone) } satisfies ResponseMap['settings.get'];
    throw new Error(`offline: ${type}`);
  }) as unknown as Request;
  render(
    <Checklist request={offline} t={options.t ?? keyTranslator} locale={options.locale ?? 'en'} initial={data} />,
    container,
  );
  return () => render(null, container);
}
