import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Client } from '../core/protocol/client';
import type { Reminder } from '../core/reminder';
import { optionsApi } from './api';

/** How many of the user's reminders the preview offers. */
const OFFERED = 30;

export type PreviewReminders = { kind: 'loading' } | { kind: 'ready'; reminders: Reminder[] } | { kind: 'failed' };

/**
 * The user's reminders a follow-up preview can use (in the popup's order),
 * read once per page load.
 */
export function useTemplateReminders(client: Client): PreviewReminders {
  const api = useMemo(() => optionsApi(client), [client]);
  const [state, setState] = useState<PreviewReminders>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    api.reminders().then(
      (all) => {
        // A reply the user owes is not chased with a follow-up.
        if (live) setState({ kind: 'ready', reminders: all.filter((r) => r.kind !== 'owed-reply').slice(0, OFFERED) });
      },
      () => live && setState({ kind: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [api]);
  return state;
}
