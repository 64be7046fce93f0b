// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RequestFailedError } from '../../../src/core/protocol/client';
import { renderOptions } from './helpers';

let downloads: { name: string; href: string; blob: Blob }[];
const blobs = new Map<string, Blob>();

beforeEach(() => {
  downloads = [];
  let n = 0;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:test/${++n}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    expect(this.isConnected).toBe(true);
    downloads.push({ name: this.download, href: this.href, blob: blobs.get(this.getAttribute('href')!)! });
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const chooseFile = (content: string, name = 'backup.json') => {
  const input = screen.getByLabelText('Import a backup (JSON)') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [new File([content], name, { type: 'application/json' })], configurable: true });
  fireEvent.change(input);
};
const importResult = () => document.getElementById('opt-import-result')!;

describe('options: backup', () => {
  it('"Export all data" downloads the JSON from data.export as a dated file', async () => {
    const json = JSON.stringify({ format: 'follow-through-backup', reminders: [] });
    const { calls } = await renderOptions({ 'data.export': async () => ({ json }) });
    fireEvent.click(screen.getByRole('button', { name: 'Export all data (JSON)' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(calls('data.export')).toEqual([{}]);
    const [d] = downloads;
    expect(d!.name).toMatch(/^follow-through-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const today = new Date();
    expect(d!.name).toContain(`${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`);
    expect(d!.blob.type).toBe('application/json');
    expect(await d!.blob.text()).toBe(json);
    expect(document.querySelector('a[download]')).toBeNull();
    await waitFor(() => expect(screen.getByText(`Downloaded ${d!.name}.`)).toBeTruthy());
  });

  it('exports pending reminders as an .ics calendar', async () => {
    const ics = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n';
    const { calls } = await renderOptions({ 'data.exportIcs': async () => ({ ics }) });
    fireEvent.click(screen.getByRole('button', { name: 'Export pending reminders as calendar (.ics)' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(calls('data.exportIcs')).toEqual([{}]);
    expect(downloads[0]!.name).toMatch(/^follow-through-reminders-\d{4}-\d{2}-\d{2}\.ics$/);
    expect(downloads[0]!.blob.type).toBe('text/calendar');
    expect(await downloads[0]!.blob.text()).toBe(ics);
  });

  it('says why an export failed', async () => {
    await renderOptions({ 'data.export': () => Promise.reject(new RequestFailedError({ code: 'internal', message: 'Database closed' })) });
    fireEvent.click(screen.getByRole('button', { name: 'Export all data (JSON)' }));
    await waitFor(() => expect(screen.getByText('Export failed: Database closed')).toBeTruthy());
    expect(downloads).toHaveLength(0);
  });

  it('imports the chosen file, shows the counts and reloads the settings', async () => {
    const { calls } = await renderOptions({ 'data.import': async () => ({ imported: 7, replaced: 2 }) });
    expect(calls('settings.get')).toHaveLength(1);
    chooseFile('{"reminders":[]}');
    await waitFor(() => expect(importResult().textContent).toBe('Imported 7 reminders (2 of them replaced existing ones).'));
    expect(calls('data.import')).toEqual([{ json: '{"reminders":[]}' }]);
    expect(importResult().getAttribute('role')).toBe('status');
    expect(calls('settings.get')).toHaveLength(2);
    expect((screen.getByLabelText('Import a backup (JSON)') as HTMLInputElement).value).toBe('');
  });

  it('shows the error of a failed import and that nothing was changed', async () => {
    const { calls } = await renderOptions({
      'data.import': () =>
        Promise.reject(new RequestFailedError({ code: 'invalid-request', message: 'This is not a Follow-Through backup (no "format" field)' })),
    });
    chooseFile('{"something":"else"}');
    await waitFor(() =>
      expect(importResult().textContent).toBe('Import failed: This is not a Follow-Through backup (no "format" field). Nothing was changed.'),
    );
    expect(importResult().className).toContain('error');
    expect(calls('settings.get')).toHaveLength(1);
  });
});
