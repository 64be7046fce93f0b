import { describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { axeViolations, closedAfterEach, formatViolations, launch, openExtensionPage, sendOk, type Launched } from './harness';
import { formatSentDate } from '../../src/core/templates/context';

const ME = 'me@example.com';
const DAY = 86_400_000;
const OPTIONS = 'src/options/index.html';
/** Set UPDATE_SCREENSHOTS=1 to write the template editor's screenshots (light and dark) into docs/screenshots. */
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots' : null;

const track = closedAfterEach();

async function openOptions(l: Launched): Promise<Page> {
  const page = await openExtensionPage(l, OPTIONS);
  await page.locator('form').waitFor();
  return page;
}

const section = (page: Page) => page.getByRole('region', { name: 'Follow-up templates' });
const preview = (page: Page) => page.locator('#tpl-preview-text');
const englishDefault = (s: Locator) => s.getByLabel('Template for English follow-ups');

describe('options: follow-up templates (Chromium)', () => {
  it('a template of my own, previewed on a stored reminder, is saved and still there after a reload; axe clean light and dark', async () => {
    const l = track(await launch());
    const page = await openOptions(l);
    const sentAt = Date.now() - 5 * DAY;
    await sendOk(page, 'reminder.create', {
      id: 'tpl-1',
      account: ME,
      thread: {
        provider: 'gmail',
        threadId: '19b0000000000001',
        subject: 'AW: Angebot <b>Frühjahrskatalog</b>',
        recipients: [{ email: 'jane.doe@example.com', name: 'Doe, Jane' }, { email: ME, name: 'Me' }],
      },
      sentAt,
      due: { at: Date.now() + 2 * DAY },
    });
    await page.reload();
    const s = section(page);
    await s.getByLabel('Preview with your reminder').waitFor();
    expect(await s.getByLabel('Preview with your reminder').locator('option:checked').textContent()).toBe('AW: Angebot <b>Frühjahrskatalog</b> — Doe, Jane and Me');
    const date = formatSentDate(sentAt, Date.now(), await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone), 'en');
    expect(await preview(page).textContent()).toMatch(new RegExp(`^Hi Jane,\\n\\nI hope you are well\\. I wanted to follow up on my email from ${date} —`));

    await s.getByRole('button', { name: 'New template' }).click();
    await s.getByLabel('Name', { exact: true }).fill('Catalogue nudge');
    await s.getByLabel('Text', { exact: true }).fill('Hi ,\n\nany news on “”? {unknown}\n\nThanks');
    // Placeholders go where the cursor is: after "Hi", then inside the quotes.
    await s.getByLabel('Text', { exact: true }).evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(3, 3));
    await s.getByRole('button', { name: '{firstName} first name' }).click();
    const afterName = 'Hi {firstName},\n\nany news on “'.length;
    await s.getByLabel('Text', { exact: true }).evaluate((el: HTMLTextAreaElement, at) => el.setSelectionRange(at, at), afterName);
    await s.getByRole('button', { name: '{subject} subject' }).click();
    expect(await s.getByLabel('Text', { exact: true }).inputValue()).toBe('Hi {firstName},\n\nany news on “{subject}”? {unknown}\n\nThanks');
    expect(await s.getByText('Not a placeholder, stays as typed: {unknown}').isVisible()).toBe(true);
    expect(await preview(page).textContent()).toBe('Hi Jane,\n\nany news on “Angebot <b>Frühjahrskatalog</b>”? {unknown}\n\nThanks');
    const id = await englishDefault(s).locator('option', { hasText: 'Catalogue nudge' }).getAttribute('value');
    await englishDefault(s).selectOption(id!);

    const light = await axeViolations(page);
    expect(light, formatViolations('template editor', light)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await axeViolations(page);
    expect(dark, formatViolations('template editor (dark)', dark)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });

    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    const storedSettings = await sendOk(page, 'settings.get', {});
    expect(storedSettings.settings.templates.custom).toEqual([
      { id, name: 'Catalogue nudge', locale: 'en', tone: 'friendly', body: 'Hi {firstName},\n\nany news on “{subject}”? {unknown}\n\nThanks' },
    ]);
    expect(storedSettings.settings.templates.selected.en).toBe(id);

    await page.reload();
    await section(page).getByLabel('Preview with your reminder').waitFor();
    expect(await englishDefault(section(page)).inputValue()).toBe(id);
    // The page opens on the template used for the UI language: now the user's own.
    expect(await section(page).getByLabel('Name', { exact: true }).inputValue()).toBe('Catalogue nudge');
    expect(await preview(page).textContent()).toBe('Hi Jane,\n\nany news on “Angebot <b>Frühjahrskatalog</b>”? {unknown}\n\nThanks');
    // Mail text is never markup on the page.
    expect(await page.locator('#tpl-preview-text b').count()).toBe(0);

    if (SCREENSHOTS) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.setViewportSize({ width: 900, height: 1400 });
      // The sticky save bar would cover the section's foot in an element shot: let it sit at the form's end.
      await page.evaluate(() => document.querySelector<HTMLElement>('.savebar')?.style.setProperty('position', 'static'));
      await section(page).screenshot({ path: `${SCREENSHOTS}/options-templates-light.png` });
      await page.emulateMedia({ colorScheme: 'dark' });
      await section(page).screenshot({ path: `${SCREENSHOTS}/options-templates-dark.png` });
    }
    expect(l.blocked).toEqual([]);
  });

  it('German UI: the section speaks Sie, German follow-ups default to Sie, du is one click', async () => {
    const l = track(await launch({ lang: 'de' }));
    const page = await openOptions(l);
    const s = page.getByRole('region', { name: 'Vorlagen zum Nachfassen' });
    await s.getByText('Beispiel-Erinnerung: Sie haben noch keine gespeicherten Erinnerungen.').waitFor();
    expect(await s.getByLabel('Vorlage für deutsche Nachfassmails').inputValue()).toBe('builtin:de-sie:friendly');
    expect(await preview(page).textContent()).toMatch(/^Guten Tag Jane Doe,\n\nich hoffe, es geht Ihnen gut\./);
    await s.getByRole('radio', { name: 'du (persönlich)' }).check();
    expect(await s.getByLabel('Vorlage für deutsche Nachfassmails').inputValue()).toBe('builtin:de-du:friendly');
    expect(await preview(page).textContent()).toMatch(/^Hallo Jane,\n\nich hoffe, dir geht es gut\./);
    // By keyboard: a new template opens with its name selected, ready to type over.
    await s.getByRole('button', { name: 'Neue Vorlage' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'tpl-name');
    await page.keyboard.type('Kurz und knapp');
    expect(await s.getByLabel('Name', { exact: true }).inputValue()).toBe('Kurz und knapp');
    expect(await s.getByLabel('Anrede', { exact: true }).inputValue()).toBe('du');
    expect(await preview(page).textContent()).toMatch(/^Hallo Jane,\n\nich hoffe, dir geht es gut\./);
    const axe = await axeViolations(page);
    expect(axe, formatViolations('template editor (German)', axe)).toEqual([]);
    if (SCREENSHOTS) {
      await page.setViewportSize({ width: 900, height: 1400 });
      await page.evaluate(() => document.querySelector<HTMLElement>('.savebar')?.style.setProperty('position', 'static'));
      await s.screenshot({ path: `${SCREENSHOTS}/options-templates-de.png` });
    }
  });
});
