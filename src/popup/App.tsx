import { useEffect, useState } from 'preact/hooks';
import type { ResponseMap } from '../core/protocol/messages';
import { SECTION_IDS } from '../core/sections';
import type { Reminder } from '../core/reminder';
import { describeRecipients, subjectOf } from '../core/notification-text';
import { explainReminder } from '../core/explanation';
import { request, t, uiLocale } from '../platform/client';

type List = ResponseMap['reminder.list'];

/** The checklist (first cut: sections and check-off; the full popup is issue #5). */
export function App() {
  const [list, setList] = useState<List | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = () =>
    request('reminder.list', {})
      .then(setList)
      .catch((e: Error) => setError(e.message));
  useEffect(() => void load(), []);

  const markDone = (r: Reminder) =>
    request('reminder.done', { id: r.id })
      .then(load)
      .catch((e: Error) => setError(e.message));

  if (error) return <p class="error" role="alert">{t('popupError', [error])}</p>;
  if (!list) return null;
  const fmt = new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium', timeStyle: 'short' });
  const total = SECTION_IDS.reduce((n, id) => n + list.counts[id], 0);

  return (
    <main>
      <h1>{t('popupTitle')}</h1>
      {total === 0 && <p class="empty">{t('popupEmpty')}</p>}
      {SECTION_IDS.map((id) => {
        const rows = list.sections[id] ?? [];
        if (rows.length === 0) return null;
        return (
          <section key={id} aria-labelledby={`h-${id}`}>
            <h2 id={`h-${id}`}>
              {t(`section_${id}`)} ({list.counts[id]})
            </h2>
            <ul>
              {rows.map((r) => (
                <li key={r.id} data-reminder-id={r.id}>
                  <input
                    type="checkbox"
                    checked={r.status === 'done'}
                    disabled={r.status === 'done'}
                    aria-label={subjectOf(r, t)}
                    onChange={() => void markDone(r)}
                  />
                  <div>
                    <div class="subject">{subjectOf(r, t)}</div>
                    <div class="meta">
                      {t('rowTo', [describeRecipients(r.thread.recipients, t)])} · {t('rowDue', [fmt.format(r.dueAt)])}
                    </div>
                    {explainReminder(r, t, (ms) => fmt.format(ms)) && <div class="why">{explainReminder(r, t, (ms) => fmt.format(ms))}</div>}
                  </div>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </main>
  );
}
