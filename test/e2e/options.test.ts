import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { axeViolations, closedAfterEach, formatViolations, launch, openExtensionPage, readReminders, sendOk, waitFor, type Launched } from './harness';
import { printViewRoutes } from './gmail-pages';
import { PRESET_IDS } from '../../src/core/schedule/presets';
import type { Reminder } from '../../src/core/reminder';

const ME = 'me@example.com';
const DAY = 86_400_000;
const OPTIONS = 'src/options/index.html';
const hex = (n: number) => (0x19b0000000000000n + BigInt(n)).toString(16);

/** Browsers launched by a test are closed, and their profiles removed, after it. */
const track = closedAfterEach();

async function start() {
  // Reply checks (a reminder due soon) find no reply.
  const l = await launch({ mail: printViewRoutes() });
  track(l);
  return l;
}

/** The options page once the settings form and the diagnostics have loaded. */
async function openOptions(l: Launched): Promise<Page> {
  const page = await openExtensionPage(l, OPTIONS);
  await page.getByRole('form', { name: 'Settings' }).waitFor();
  await page.getByText(/^Follow-Through version /).waitFor();
  return page;
}

const create = (page: Page, n: number, due: { at: number } | { preset: (typeof PRESET_IDS)[number] }, extra: { subject?: string } = {}) =>
  sendOk(page, 'reminder.create', {
    id: `o-${n}`,
    account: ME,
    thread: { provider: 'gmail', threadId: hex(n), subject: extra.subject ?? `Proposal #${n}`, recipients: [{ email: `client${n}@example.com`, name: `Client ${n}` }] },
    sentAt: Date.now() - DAY,
    due,
  });

/** A few reminders in different states, none of which changes by itself soon. */
async function seedVaried(page: Page) {
  const now = Date.now();
  await create(page, 1, { at: now + 3 * DAY });
  await create(page, 2, { at: now + 10 * DAY }, { subject: 'Ünïcødé “quotes” & <b>tags</b>' });
  await create(page, 3, { at: now + 5 * DAY });
  await sendOk(page, 'reminder.snooze', { id: 'o-3', due: { at: now + 6 * DAY } });
  await create(page, 4, { at: now + 2 * DAY });
  await sendOk(page, 'reminder.done', { id: 'o-4' });
}

/** Sorted by id and through JSON, as a file would carry them. */
const canonical = (reminders: readonly Reminder[]) => JSON.parse(JSON.stringify([...reminders].sort((a, b) => (a.id < b.id ? -1 : 1)))) as Reminder[];

/** Wall-clock parts of an instant in a zone. */
function zoned(at: number, timeZone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { weekday: parts.weekday!, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

/** Chooses a file in the options page's import field, as a user would. */
async function importFile(page: Page, text: string) {
  await page.getByLabel('Import a backup (JSON)').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') });
  const result = page.locator('#opt-import-result');
  return waitFor(async () => (await result.textContent())?.trim() || undefined, { what: 'the import outcome' });
}

describe('options page in real Chromium', () => {
  it('saves working hours, and a reminder created with any preset then lands inside them', async () => {
    const l = await start();
    const page = await openOptions(l);
    const zone = 'America/New_York';

    const enabled = page.getByRole('checkbox', { name: 'Only remind me during working hours' });
    if (!(await enabled.isChecked())) await enabled.check();
    const days = page.getByRole('group', { name: 'Working days' });
    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']) await days.getByRole('checkbox', { name: day }).check();
    for (const day of ['Saturday', 'Sunday']) await days.getByRole('checkbox', { name: day }).uncheck();
    await page.getByLabel('Start', { exact: true }).fill('10:00');
    await page.getByLabel('End (00:00 = midnight)', { exact: true }).fill('16:00');
    await page.getByLabel('Time zone', { exact: true }).selectOption(zone);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Unsaved changes' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.locator('.savebar .status').textContent()).toBe('Saved');

    const { settings } = await sendOk(page, 'settings.get', {});
    expect(settings.schedule).toMatchObject({ timeZone: zone, workingHours: { enabled: true, days: [1, 2, 3, 4, 5], start: 600, end: 960 } });

    // Reloaded, the form shows what was saved.
    await page.reload();
    await page.getByRole('form', { name: 'Settings' }).waitFor();
    expect(await page.getByLabel('Start', { exact: true }).inputValue()).toBe('10:00');
    expect(await page.getByLabel('End (00:00 = midnight)', { exact: true }).inputValue()).toBe('16:00');
    expect(await page.getByLabel('Time zone', { exact: true }).inputValue()).toBe(zone);

    // The default time (09:00) is before work starts: every preset is moved into 10:00–16:00 on a weekday, in New York.
    for (const [i, preset] of PRESET_IDS.entries()) {
      const { reminder } = await create(page, 100 + i, { preset });
      const { weekday, minutes } = zoned(reminder.dueAt, zone);
      expect({ preset, weekday, inHours: minutes >= 600 && minutes < 960 }).toEqual({ preset, weekday: expect.stringMatching(/^(Mon|Tue|Wed|Thu|Fri)$/), inHours: true });
      expect(reminder.dueAt).toBeGreaterThan(Date.now());
    }
    expect(l.blocked).toEqual([]);
  });

  it('exports JSON by download and imports it through the file field into a fresh profile: identical reminders and settings', async () => {
    const first = await start();
    const page = await openOptions(first);
    await seedVaried(page);
    // A non-default setting travels too.
    const { settings: before } = await sendOk(page, 'settings.get', {});
    await sendOk(page, 'settings.set', { settings: { ...before, defaultPreset: 'in-1-week', replies: { ...before.replies, aliases: { [ME]: ['me@work.example'] } } } });
    const { settings } = await sendOk(page, 'settings.get', {});
    const reminders = canonical(await readReminders(page));
    expect(reminders.map((r) => [r.id, r.status])).toEqual([
      ['o-1', 'pending'],
      ['o-2', 'pending'],
      ['o-3', 'snoozed'],
      ['o-4', 'done'],
    ]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export all data (JSON)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^follow-through-backup-\d{4}-\d\d-\d\d\.json$/);
    const json = await readFile(await download.path(), 'utf8');
    await expect.poll(() => page.getByText(`Downloaded ${download.suggestedFilename()}.`).count()).toBe(1);
    const file = JSON.parse(json);
    expect(file).toMatchObject({ format: 'follow-through-backup', version: 2, settings });
    expect(canonical(file.reminders)).toEqual(reminders);
    expect(first.blocked).toEqual([]);
    await first.close();

    // A second browser with a new profile: nothing there yet.
    const second = await start();
    const fresh = await openOptions(second);
    expect(await readReminders(fresh)).toEqual([]);
    expect(await importFile(fresh, json)).toBe('Imported 4 reminders (0 of them replaced existing ones).');
    expect(canonical(await readReminders(fresh))).toEqual(reminders);
    expect((await sendOk(fresh, 'settings.get', {})).settings).toEqual(settings);
    // The page shows the imported settings (it reloads them after an import).
    await expect.poll(() => fresh.getByLabel('Default reminder delay').inputValue()).toBe('in-1-week');
    await expect.poll(() => fresh.getByRole('term').filter({ hasText: 'Snoozed' }).locator('xpath=following-sibling::dd').textContent()).toBe('1');
    expect(second.blocked).toEqual([]);
  });

  it('a corrupted import (truncated JSON, or one bad reminder) shows the error and changes nothing', async () => {
    const l = await start();
    const page = await openOptions(l);
    await seedVaried(page);
    const { json } = await sendOk(page, 'data.export', {});
    const reminders = canonical(await readReminders(page));
    const { settings } = await sendOk(page, 'settings.get', {});
    const unchanged = async () => {
      expect(canonical(await readReminders(page))).toEqual(reminders);
      expect((await sendOk(page, 'settings.get', {})).settings).toEqual(settings);
    };

    const truncated = await importFile(page, json.slice(0, Math.floor(json.length / 2)));
    expect(truncated).toMatch(/^Import failed: Not a valid backup file: the JSON is malformed or incomplete .*\. Nothing was changed\.$/);
    expect(await page.locator('#opt-import-result').getAttribute('class')).toContain('error');
    await unchanged();

    // Otherwise fine: a new reminder, changed settings — and one reminder whose due time is not a number.
    const file = JSON.parse(json);
    file.reminders.push({ ...file.reminders[0], id: 'o-new', dueAt: Date.now() + 4 * DAY });
    file.reminders[1].dueAt = 'soon';
    file.settings.defaultPreset = 'tomorrow';
    // The field is cleared after each import, so choosing a file again fires.
    const bad = await importFile(page, JSON.stringify(file));
    expect(bad).toBe('Import failed: Invalid backup: reminders[1].dueAt: Expected number but received "soon". Nothing was changed.');
    await unchanged();
    expect(l.blocked).toEqual([]);
  });

  it('diagnostics show the extension version; no serious or critical axe violations (light and dark)', async () => {
    const l = await start();
    const page = await openOptions(l);
    const version = await l.worker.evaluate(() => chrome.runtime.getManifest().version);
    const diagnostics = page.getByRole('region', { name: 'Diagnostics' });
    expect(await diagnostics.getByText(`Follow-Through version ${version}`, { exact: true }).isVisible()).toBe(true);
    expect(version).toMatch(/^\d+\.\d+\.\d+/);

    // Chrome's extension-page default (body at 75%) must not shrink labels and fields below their hints.
    const sizes = await page.evaluate(() => ['.field > label', 'select', '.check label', '.hint'].map((s) => getComputedStyle(document.querySelector(s)!).fontSize));
    expect(sizes).toEqual(['14px', '14px', '14px', '13px']);

    const light = await axeViolations(page);
    expect(light, formatViolations('options page', light)).toEqual([]);

    // With reminders (counts), an import error and unsaved changes showing.
    await seedVaried(page);
    await page.getByRole('button', { name: 'Refresh diagnostics' }).click();
    await importFile(page, '{"format": "follow-through-backup"');
    await page.getByLabel('Start', { exact: true }).fill('10:00');
    const busy = await axeViolations(page);
    expect(busy, formatViolations('options page with data and an error', busy)).toEqual([]);

    await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
    const dark = await axeViolations(page);
    expect(dark, formatViolations('options page (dark)', dark)).toEqual([]);
    expect(l.blocked).toEqual([]);
  });
});
