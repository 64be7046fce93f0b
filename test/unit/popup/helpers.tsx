import { render, screen } from '@testing-library/preact';
import { vi } from 'vitest';
import type { Reminder } from '../../../src/core/reminder';
import { groupIntoSections, HISTORY_SECTIONS, SECTION_IDS, SECTION_PAGE, type SectionId } from '../../../src/core/sections';
import { defaultSettings } from '../../../src/core/settings';
import { restoreSnapshot } from '../../../src/core/transitions';
import type { PresetId } from '../../../src/core/schedule/presets';
import { Checklist } from '../../../src/popup/Checklist';
import type { ListData, Request } from '../../../src/popup/types';
import { DAY, HOUR, reminder, T0, thread } from '../core/fixtures';
import { PRESET_LABELS, t } from '../content-ui/helpers';

export { t, T0, DAY, HOUR, reminder, thread };

export interface Call {
  type: string;
  payload: Record<string, unknown>;
}

const PRESET_DAYS: Record<PresetId, number> = { tomorrow: 1, 'in-2-days': 2, 'in-3-days': 3, 'in-1-week': 7, 'next-week': 5, 'in-2-weeks': 14 };

/**
 * A background in memory: answers like the real handlers (sections from
 * groupIntoSections in UTC) and records every call. `failing` makes a type
 * answer with an error.
 */
export function fakeBackground(reminders: Reminder[], now = T0, { paged = true, unknownHistory = false }: { paged?: boolean; unknownHistory?: boolean } = {}) {
  const store = new Map(reminders.map((r) => [r.id, r]));
  const calls: Call[] = [];
  const failing = new Set<string>();
  const update = (id: string, change: Partial<Reminder>) => {
    const r = store.get(id);
    if (!r) throw new Error(`not-found ${id}`);
    const next = { ...r, ...change, updatedAt: now, rev: r.rev + 1 };
    store.set(id, next);
    return { reminder: next, previous: r };
  };
  const dueOf = (due: { preset?: PresetId; at?: number } | undefined) => (due?.at ?? now + PRESET_DAYS[due?.preset ?? 'tomorrow'] * DAY);
  // Like the real handler: every section's count, and its rows up to the page size (or the limit asked for).
  // With `counts: 'page'`, the counts the rows tell (sections read to their end) and history's (stored per status
  // in the real store); `sections` picks which are read. `unknownHistory`: history counts not stored (being rebuilt).
  const list = (limits: Partial<Record<SectionId, number>> = {}, { counts = 'exact', only }: { counts?: string | SectionId[]; only?: SectionId[] } = {}): ListData => {
    const all = groupIntoSections([...store.values()], now, 'UTC', Infinity);
    const ids = only ?? SECTION_IDS;
    const limitOf = (id: SectionId) => limits[id] ?? (paged ? SECTION_PAGE[id] : Infinity);
    const sections = Object.fromEntries(ids.map((id) => [id, all[id].slice(0, limitOf(id))]));
    const stored = unknownHistory ? [] : HISTORY_SECTIONS.filter((id) => ids.includes(id));
    const counted = Array.isArray(counts) ? (counts as SectionId[]) : counts === 'page' ? ids.filter((id) => all[id].length < limitOf(id) || stored.includes(id as never)) : SECTION_IDS;
    return { sections, counts: Object.fromEntries(counted.map((id) => [id, all[id].length])), now };
  };
  const answer = (type: string, p: Record<string, unknown>): unknown => {
    const id = p.id as string;
    switch (type) {
      case 'reminder.list':
        return list(p.limits as Partial<Record<SectionId, number>> | undefined, { counts: p.counts as string | SectionId[] | undefined, only: p.sections as SectionId[] | undefined });
      case 'settings.get':
        return { settings: defaultSettings('UTC') };
      case 'reminder.done':
        return update(id, { status: 'done' });
      case 'reminder.reopen':
        return update(id, { status: 'pending', resolution: undefined });
      case 'reminder.notReply':
      case 'reminder.autoAnswer':
        return update(id, { status: 'pending', resolution: undefined });
      case 'reminder.snooze':
        return update(id, { status: 'snoozed', dueAt: dueOf(p.due as never) });
      case 'reminder.updateDue':
        return update(id, { status: 'pending', dueAt: dueOf(p.due as never) });
      case 'reminder.replyNow':
        return { reminder: store.get(id) };
      case 'reminder.setRepeat': {
        const chain = store.get(id)?.chain ?? { repeat: true, steps: [3, 7, 14], cap: 3, sent: [] };
        return update(id, { chain: { ...chain, repeat: p.repeat as boolean } });
      }
      case 'reminder.writeFollowUp':
        return { reminder: store.get(id), opened: 'opened' };
      case 'reminder.open':
        return { opened: 'opened' };
      case 'reminder.checkNow':
        return update(id, { check: { at: now, source: 'print-view', outcome: 'no-reply', failures: 0 } });
      case 'reminder.delete': {
        const r = store.get(id)!;
        store.delete(id);
        return { reminder: r };
      }
      case 'reminder.restore': {
        // The real rule (compare-and-set on the revision the action left).
        const r = restoreSnapshot(p.reminder as Reminder, store.get((p.reminder as Reminder).id), p.expectedRev as number | undefined, now);
        store.set(r.id, r);
        return { reminder: r };
      }
      case 'due.preview': {
        const preset = p.preset as PresetId | undefined;
        return { at: dueOf({ preset }), moved: false, exactTime: !preset, label: preset ? PRESET_LABELS[preset] : 'Tue 10:00' };
      }
      default:
        throw new Error(`unexpected ${type}`);
    }
  };
  const request = (async (type: string, payload: Record<string, unknown>) => {
    calls.push({ type, payload });
    if (failing.has(type)) throw new Error(`${type} failed`);
    return answer(type, payload);
  }) as unknown as Request;
  const writes = () => calls.filter((c) => c.type !== 'reminder.list' && c.type !== 'settings.get' && c.type !== 'due.preview');
  return { request, calls, store, failing, writes, list };
}

export type Fake = ReturnType<typeof fakeBackground>;

/** Renders the checklist over a fake background and waits for the list. */
export async function setup(
  reminders: Reminder[],
  { locale = 'en', now = T0, paged = true, unknownHistory = false }: { locale?: string; now?: number; paged?: boolean; unknownHistory?: boolean } = {},
) {
  const bg = fakeBackground(reminders, now, { paged, unknownHistory });
  const openOptions = vi.fn();
  const view = render(<Checklist request={bg.request} t={t} locale={locale} openOptions={openOptions} />);
  await screen.findByRole('heading', { name: 'Follow-ups' });
  // Settings arrive too (the zone): wait until both answers are in.
  await vi.waitFor(() => {
    if (bg.calls.filter((c) => c.type === 'reminder.list' || c.type === 'settings.get').length < 2) throw new Error('not loaded');
  });
  await new Promise((r) => setTimeout(r, 0));
  return { bg, openOptions, view };
}

export const rows = () => screen.queryAllByRole('article');
export const row = (name: RegExp | string) => screen.getByRole('article', { name: typeof name === 'string' ? new RegExp(`^${escape(name)}`) : name });
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
export const ids = () => rows().map((r) => r.dataset.id);

/** One reminder per section, with distinct subjects and recipients. */
export function sample(): Reminder[] {
  return [
    reminder({ id: 'over1', status: 'notified', dueAt: T0 - 3 * DAY, thread: thread({ subject: 'Invoice 42', recipients: [{ email: 'ann@acme.com', name: 'Ann' }] }) }),
    reminder({ id: 'over2', status: 'pending', dueAt: T0 - HOUR, thread: thread({ subject: 'Contract draft', recipients: [{ email: 'carl@law.de' }] }) }),
    reminder({ id: 'today1', status: 'pending', dueAt: T0 + 3 * HOUR, thread: thread({ subject: 'Lunch?', recipients: [{ email: 'dee@x.org', name: 'Dee' }] }) }),
    reminder({ id: 'up1', status: 'pending', dueAt: T0 + 2 * DAY, thread: thread({ subject: 'Quarterly numbers' }) }),
    reminder({ id: 'up2', status: 'snoozed', dueAt: T0 + 5 * DAY, thread: thread({ subject: 'Offsite venue', recipients: [{ email: 'eve@venue.com', name: 'Eve' }] }) }),
    reminder({
      id: 'rep1',
      status: 'replied',
      updatedAt: T0 - 2 * HOUR,
      resolution: { kind: 'reply', by: { email: 'bob@example.com', name: 'Bob' }, at: T0 - 2 * HOUR, messageId: 'm1' },
      thread: thread({ subject: 'Budget question' }),
    }),
    reminder({ id: 'done1', status: 'done', updatedAt: T0 - DAY, thread: thread({ subject: 'Old thing' }) }),
  ];
}
