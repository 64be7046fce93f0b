// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HistorySummary } from '../../../src/core/protocol/messages';
import { lastSaved, renderOptions } from './helpers';

let downloads: string[];
beforeEach(() => {
  downloads = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:x');
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push(this.download);
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const FUTURE = Date.UTC(2099, 0, 5, 9, 0);

/** What the background would answer for each retention (older history goes first with shorter ones). */
const summaries: Record<number, HistorySummary> = {
  12: { finished: 1200, removable: 0, soon: 40, firstRemovalAt: FUTURE, oldest: 0 },
  3: { finished: 1200, removable: 900, soon: 950, firstRemovalAt: 0, lastRun: { at: Date.UTC(2025, 11, 3, 8, 0), removed: 7 } },
  0: { finished: 1200, removable: 0, soon: 0, firstRemovalAt: FUTURE },
};

const section = () => within(screen.getByRole('region', { name: 'History' }));
const summaryText = () => document.getElementById('opt-retention-summary')!.textContent;

describe('options: history retention', () => {
  it('shows what the chosen retention removes in the next 30 days, with an export beside it, before saving', async () => {
    const { calls, fn } = await renderOptions({ 'history.summary': async ({ months }) => summaries[months]!, 'data.export': async () => ({ json: '{}' }) });
    const select = section().getByLabelText('Keep finished reminders for') as HTMLSelectElement;
    expect(select.value).toBe('12');
    expect([...select.options].map((o) => o.textContent)).toEqual(['3 months', '6 months', '1 year(s)', '2 year(s)', '3 year(s)', 'Forever']);
    await waitFor(() => expect(summaryText()).toContain('1200 finished reminders are stored.'));
    expect(summaryText()).toContain('40 of them will be removed within the next 30 days, none before');

    fireEvent.change(select, { target: { value: '3' } });
    await waitFor(() => expect(summaryText()).toContain('950 of them will be removed within the next 30 days. Export a backup first'));
    expect(summaryText()).toContain(': 7 removed.');
    expect(calls('history.summary')).toEqual([{ months: 12 }, { months: 3 }]);
    // Nothing is saved (or removed) by looking.
    expect(calls('settings.set')).toEqual([]);

    fn.mockClear();
    fireEvent.click(section().getByRole('button', { name: 'Export all data (JSON)' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]).toMatch(/^follow-through-backup-\d{4}-\d{2}-\d{2}\.json$/);

    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(lastSaved(calls).retentionMonths).toBe(3));
  });

  it('"Forever" removes nothing and offers no export', async () => {
    await renderOptions({ 'history.summary': async ({ months }) => summaries[months]! });
    fireEvent.change(section().getByLabelText('Keep finished reminders for'), { target: { value: '0' } });
    await waitFor(() => expect(summaryText()).toBe('1200 finished reminders are stored. Nothing is ever removed.'));
    expect(section().queryByRole('button')).toBeNull();
  });
});
