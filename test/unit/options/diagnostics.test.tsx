// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { RequestFailedError } from '../../../src/core/protocol/client';
import { renderOptions, sampleDiagnostics } from './helpers';

afterEach(cleanup);

const section = () => screen.getByRole('region', { name: 'Diagnostics' });
const checks = (account: string) =>
  within(section())
    .getByRole('list', { name: `Checks for ${account}` })
    .querySelectorAll('li');
const lines = (items: NodeListOf<Element>) => [...items].map((li) => li.textContent?.replace(/\s+/g, ' ').trim());

describe('options: diagnostics', () => {
  it('shows Gmail integration health per account with a word for every symbol', async () => {
    await renderOptions();
    await waitFor(() => expect(checks('me@example.com')).toHaveLength(5));
    expect(lines(checks('me@example.com'))).toEqual([
      'Compose button ✓ working',
      'Send capture ✓ working',
      'Thread id ✗ not found',
      'Thread toolbar ? not checked yet',
      'Account ✓ working',
    ]);
    // The symbol is decoration; the state is said in words.
    for (const symbol of section().querySelectorAll('.symbol')) expect(symbol.getAttribute('aria-hidden')).toBe('true');
    expect(lines(checks('second@example.org')).every((l) => l?.endsWith('✓ working'))).toBe(true);
    expect(within(section()).getByRole('list', { name: 'Notes' }).textContent).toBe('thread id not found in URL');
  });

  it('shows the last reply checks with the failure reason, recent errors, counts and version', async () => {
    await renderOptions({
      'diagnostics.get': async () =>
        sampleDiagnostics({
          lastChecks: [
            { account: 'me@example.com', lastOk: Date.UTC(2025, 11, 3, 7, 0), lastFailure: { at: Date.UTC(2025, 11, 3, 7, 30), failure: 'signed-out' } },
            { account: 'other@example.com', lastFailure: { at: Date.UTC(2025, 11, 3, 7, 30), failure: 'some-new-reason' } },
          ],
        }),
    });
    const s = await waitFor(() => {
      expect(screen.getByText('Follow-Through version 0.1.0')).toBeTruthy();
      return section();
    });
    const text = s.textContent!;
    expect(text).toMatch(/Last successful check: .*2025/);
    expect(text).toMatch(/Last failure: .*2025.* — signed out of Gmail/);
    expect(text).toContain('No successful check yet');
    expect(text).toMatch(/Last failure: .* — some-new-reason/);
    expect(text).toContain('Reply check failed: network');
    const counts = [...s.querySelectorAll('.counts > div')].map((d) => `${d.querySelector('dt')!.textContent}=${d.querySelector('dd')!.textContent}`);
    expect(counts).toEqual(['Waiting=3', 'Snoozed=1', 'Due=2', 'Replied=4', 'Done=5', 'Cancelled=0']);
  });

  it('renders hostile strings from the page and the background as text', async () => {
    const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    await renderOptions({
      'diagnostics.get': async () =>
        sampleDiagnostics({
          integration: [{ account: `x@example.com${evil}`, at: 1, checks: sampleDiagnostics().integration[0]!.checks, notes: [evil] }],
          lastChecks: [{ account: evil, lastFailure: { at: 1, failure: evil } }],
          recentErrors: [{ at: 1, message: evil }],
        }),
    });
    await waitFor(() => expect(within(section()).getAllByText(evil).length).toBeGreaterThanOrEqual(3));
    expect(section().querySelector('img, script')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('says when diagnostics could not be loaded and still lists integration from integration.get', async () => {
    const { calls } = await renderOptions({
      'diagnostics.get': () => Promise.reject(new RequestFailedError({ code: 'internal', message: 'Boom' })),
      'integration.get': async () => ({ reports: sampleDiagnostics().integration.slice(0, 1) }),
    });
    await waitFor(() => expect(within(section()).getByRole('alert').textContent).toBe("Couldn't load diagnostics: Boom"));
    await waitFor(() => expect(checks('me@example.com')).toHaveLength(5));
    expect(calls('integration.get')).toEqual([{}]);
  });

  describe('delete all my data', () => {
    it('needs the typed confirmation before sending {confirm: "delete-all"}', async () => {
      const { calls } = await renderOptions({ 'data.deleteAll': async () => ({ deleted: 12 }) });
      fireEvent.click(screen.getByRole('button', { name: 'Delete all my data…' }));
      expect(calls('data.deleteAll')).toHaveLength(0);
      const input = screen.getByLabelText('To confirm, type “delete”') as HTMLInputElement;
      expect(document.activeElement).toBe(input);
      fireEvent.click(screen.getByRole('button', { name: 'Delete everything' }));
      expect(screen.getByText('Type “delete” to confirm.')).toBeTruthy();
      fireEvent.input(input, { target: { value: 'yes' } });
      fireEvent.keyDown(input, { key: 'Enter' });
      expect(input.getAttribute('aria-invalid')).toBe('true');
      expect(calls('data.deleteAll')).toHaveLength(0);

      fireEvent.input(input, { target: { value: ' Delete ' } });
      fireEvent.click(screen.getByRole('button', { name: 'Delete everything' }));
      await waitFor(() => expect(screen.getByText('All data deleted (12 reminders).')).toBeTruthy());
      expect(calls('data.deleteAll')).toEqual([{ confirm: 'delete-all' }]);
      // Settings and diagnostics are read afresh.
      expect(calls('settings.get')).toHaveLength(2);
      expect(calls('diagnostics.get')).toHaveLength(2);
      expect(calls('settings.set')).toHaveLength(0);
    });

    it('can be cancelled with Escape, and a failure says nothing was deleted', async () => {
      const { calls } = await renderOptions({
        'data.deleteAll': () => Promise.reject(new RequestFailedError({ code: 'internal', message: 'Database closed' })),
      });
      fireEvent.click(screen.getByRole('button', { name: 'Delete all my data…' }));
      fireEvent.keyDown(screen.getByLabelText('To confirm, type “delete”'), { key: 'Escape' });
      expect(screen.queryByLabelText('To confirm, type “delete”')).toBeNull();
      await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete all my data…' })));
      expect(calls('data.deleteAll')).toHaveLength(0);

      fireEvent.click(screen.getByRole('button', { name: 'Delete all my data…' }));
      fireEvent.input(screen.getByLabelText('To confirm, type “delete”'), { target: { value: 'delete' } });
      fireEvent.click(screen.getByRole('button', { name: 'Delete everything' }));
      await waitFor(() => expect(screen.getByText("Couldn't delete: Database closed. Nothing was deleted.")).toBeTruthy());
    });
  });
});
