import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, closedAfterEach, formatViolations, launch, openExtensionPage, readReminders, sendOk, waitFor, type Launched } from './harness';
import { printViewRoutes } from './gmail-pages';

const ME = 'me@example.com';
const DAY = 86_400_000;
const hex = (n: number) => (0x19a0000000000000n + BigInt(n)).toString(16);
const POPUP = 'src/popup/index.html';

/** What the checklist's rows are made of: one overdue (notified), three upcoming, one done. */
const SEEDS = [
  { id: 'p-overdue', n: 1, subject: 'Overdue invoice 1042', to: 'Olga Overdue', inDays: 0 },
  { id: 'p-up-3', n: 2, subject: 'Quote for the garden shed', to: 'Gustav Garden', inDays: 3 },
  { id: 'p-up-5', n: 3, subject: 'Conference talk proposal', to: 'Clara Conf', inDays: 5 },
  { id: 'p-up-8', n: 4, subject: 'Lease renewal', to: 'Lena Lease', inDays: 8 },
  { id: 'p-done', n: 5, subject: 'Already sorted out', to: 'Dora Done', inDays: 4 },
] as const;
type SeedId = (typeof SEEDS)[number]['id'];
const seedOf = (id: SeedId) => SEEDS.find((s) => s.id === id)!;
const threadUrl = (n: number) => `https://mail.google.com/mail/?authuser=${encodeURIComponent(ME)}#all/${hex(n)}`;

/** Browsers launched by a test are closed, and their profiles removed, after it. */
const track = closedAfterEach();

/** Reply checks find no reply (print view fixtures); any other Gmail page is a stub, so an opened thread stays local. `opened`: the pages navigated to. */
async function start() {
  const printView = printViewRoutes();
  const opened: string[] = [];
  const l = await launch({
    mail: async (route, request) => {
      if (new URL(request.url()).searchParams.get('view') === 'pt') return printView(route, request);
      if (request.isNavigationRequest()) opened.push(request.url());
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: '<!doctype html><title>Gmail</title><p>Thread stub</p>' });
    },
  });
  track(l);
  return { l, opened };
}

/** Creates the reminders of SEEDS, waits until the overdue one has fired, and marks the done one done. */
async function seed(page: Page) {
  const now = Date.now();
  for (const s of SEEDS) {
    await sendOk(page, 'reminder.create', {
      id: s.id,
      account: ME,
      thread: { provider: 'gmail', threadId: hex(s.n), subject: s.subject, recipients: [{ email: `${s.to.split(' ')[0]!.toLowerCase()}@example.com`, name: s.to }] },
      sentAt: now - 2 * DAY,
      due: { at: s.inDays === 0 ? now + 1_000 : now + s.inDays * DAY },
    });
  }
  await sendOk(page, 'reminder.done', { id: 'p-done' });
  await waitFor(async () => (await readReminders(page)).find((r) => r.id === 'p-overdue')?.status === 'notified', {
    what: 'the overdue reminder to be notified',
  });
}

const byId = async (page: Page, id: string) => (await readReminders(page)).find((r) => r.id === id);
/** The extension's stored count of one finished status (the counts store, v6), read from an extension page. */
const storedCount = (page: Page, status: string) =>
  page.evaluate(
    (s) =>
      new Promise<number | undefined>((res, rej) => {
        const req = indexedDB.open('follow-through');
        req.onerror = () => rej(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const get = db.transaction('counts').objectStore('counts').get(s);
          get.onsuccess = () => {
            db.close();
            res(get.result as number | undefined);
          };
          get.onerror = () => rej(get.error);
        };
      }),
    status,
  );
const statusOf = async (page: Page, id: string) => (await byId(page, id))?.status;
const row = (page: Page, id: SeedId) => page.locator(`.row[data-id="${id}"]`);

/** Opens the popup (as a tab) once the list has rendered. */
async function openPopup(l: Launched) {
  const page = await openExtensionPage(l, POPUP);
  await page.getByRole('group', { name: 'Reminders' }).waitFor();
  return page;
}

describe('popup checklist in real Chromium', () => {
  it('shows sections with counts; done, snooze, delete (with Undo) and open thread work from the rows', async () => {
    const { l, opened } = await start();
    const seeding = await openExtensionPage(l, POPUP);
    await seed(seeding);
    await seeding.close();
    const page = await openPopup(l);

    // Sections in order, each with its count; the header says how many are due.
    const headings = () => page.locator('h2.section').evaluateAll((hs) => hs.map((h) => [h.firstElementChild?.textContent, h.querySelector('.count')?.textContent]));
    await expect.poll(headings).toEqual([
      ['Overdue', '1'],
      ['Upcoming', '3'],
      ['Done', '1'],
    ]);
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual(['Overdue11 reminders', 'Upcoming33 reminders', 'Done11 reminders']);
    await expect.poll(() => page.locator('h2.section .sr-only').allTextContents()).toEqual(['1 reminders', '3 reminders', '1 reminders']);
    expect(await page.locator('header .badge .sr-only').textContent()).toBe('1 overdue or due now');
    const order = await page.locator('.row').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-id'), r.getAttribute('data-section')]));
    expect(order).toEqual([
      ['p-overdue', 'overdue'],
      ['p-up-3', 'upcoming'],
      ['p-up-5', 'upcoming'],
      ['p-up-8', 'upcoming'],
      ['p-done', 'done'],
    ]);
    await expect.poll(() => row(page, 'p-overdue').locator('.when').textContent()).toMatch(/overdue|due now/i);
    // Each row's description (exact due time, status, why) is a display: none element named by aria-describedby:
    // not laid out or painted while scrolling, still what assistive technology reads (Chromium's accessibility tree).
    const ax = await page.context().newCDPSession(page);
    const { root } = await ax.send('DOM.getDocument', { depth: 0 });
    const { nodes } = await ax.send('Accessibility.queryAXTree', { nodeId: root.nodeId, role: 'article' });
    const described = nodes.map((n) => [n.name?.value, n.description?.value]);
    expect(described).toHaveLength(5);
    expect(described[0]![0]).toContain(seedOf('p-overdue').subject);
    expect(described[0]![1]).toMatch(/^Due \w{3}, \w{3} \d{1,2}, \d{2}:\d{2}/);
    await ax.detach();

    // Check off a row → done in IndexedDB → Undo → waiting again (pending: it was due in 3 days).
    const beforeDone = await byId(page, 'p-up-3');
    await page.getByRole('checkbox', { name: `Mark done: ${seedOf('p-up-3').subject}` }).click();
    await expect.poll(() => statusOf(page, 'p-up-3')).toBe('done');
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain(`Done: ${seedOf('p-up-3').subject}`);
    await expect.poll(() => row(page, 'p-up-3').getAttribute('data-section')).toBe('done');
    // The Done header and the stored count moved with it (the same transaction as the write).
    await expect.poll(headings).toContainEqual(['Done', '2']);
    expect(await storedCount(page, 'done')).toBe(2);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => statusOf(page, 'p-up-3')).toBe('pending');
    expect((await byId(page, 'p-up-3'))?.dueAt).toBe(beforeDone?.dueAt);
    await expect.poll(() => row(page, 'p-up-3').getAttribute('data-section')).toBe('upcoming');
    await expect.poll(headings).toContainEqual(['Done', '1']);
    expect(await storedCount(page, 'done')).toBe(1);

    // Snooze via the row's actions, picking a preset: the due time is exactly what due.preview promised.
    await page.getByRole('button', { name: `More actions for ${seedOf('p-up-5').subject}` }).click();
    const actions = page.getByRole('dialog', { name: `Actions for ${seedOf('p-up-5').subject}` });
    await actions.getByRole('button', { name: 'Snooze…' }).click();
    const snooze = page.getByRole('dialog', { name: `Snooze ${seedOf('p-up-5').subject}` });
    const tomorrow = snooze.getByRole('group', { name: 'Quick choices' }).getByRole('button', { name: /^Tomorrow/ });
    // The preset shows the time it would give before it is used.
    await expect.poll(() => tomorrow.locator('.when').textContent()).not.toBe('');
    const preview = await sendOk(page, 'due.preview', { preset: 'tomorrow' });
    await tomorrow.click();
    await expect.poll(() => statusOf(page, 'p-up-5')).toBe('snoozed');
    expect((await byId(page, 'p-up-5'))?.dueAt).toBe(preview.at);
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Snoozed until');
    expect(await page.getByRole('dialog').count()).toBe(0);

    // Delete → gone from IndexedDB → Undo puts back the identical reminder.
    const beforeDelete = await byId(page, 'p-up-8');
    expect(beforeDelete).toBeDefined();
    await page.getByRole('button', { name: `More actions for ${seedOf('p-up-8').subject}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete reminder' }).click();
    await expect.poll(async () => (await byId(page, 'p-up-8')) === undefined).toBe(true);
    await expect.poll(() => row(page, 'p-up-8').count()).toBe(0);
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain(`Deleted “${seedOf('p-up-8').subject}”`);
    await page.getByRole('button', { name: 'Undo' }).click();
    // The same reminder; its revision moves on and its history records the undo.
    await expect.poll(async () => {
      const back = await byId(page, 'p-up-8');
      return back && { ...back, rev: beforeDelete!.rev, history: back.history.slice(0, -1) };
    }).toEqual(beforeDelete);
    expect((await byId(page, 'p-up-8'))!.history.at(-1)).toMatchObject({ from: null, to: 'pending', cause: 'undo' });
    await expect.poll(() => row(page, 'p-up-8').count()).toBe(1);

    // Open thread (from the actions dialog): a new tab on the thread, in the reminder's account.
    await page.getByRole('button', { name: `More actions for ${seedOf('p-overdue').subject}` }).click();
    const [tab] = await Promise.all([
      l.context.waitForEvent('page'),
      page.getByRole('dialog').getByRole('button', { name: 'Open thread' }).click(),
    ]);
    await tab.waitForURL(threadUrl(1));
    expect(new URL(tab.url()).searchParams.get('authuser')).toBe(ME);
    await tab.close();
    // Clicking the subject does the same.
    const [tab2] = await Promise.all([l.context.waitForEvent('page'), row(page, 'p-up-3').getByRole('button', { name: seedOf('p-up-3').subject, exact: true }).click()]);
    await tab2.waitForURL(threadUrl(2));
    await tab2.close();
    expect(opened).toEqual([threadUrl(1).replace(/#.*/, ''), threadUrl(2).replace(/#.*/, '')]);

    // Nothing else changed along the way.
    expect(await statusOf(page, 'p-overdue')).toBe('notified');
    expect(await statusOf(page, 'p-done')).toBe('done');
    expect(l.blocked).toEqual([]);
  });

  it('works from the keyboard: / to search, ArrowDown into the list, Space checks off, Enter opens; search filters', async () => {
    const { l } = await start();
    const seeding = await openExtensionPage(l, POPUP);
    await seed(seeding);
    await seeding.close();
    const page = await openPopup(l);
    const focusedRow = () => page.evaluate(() => document.activeElement?.closest<HTMLElement>('.row')?.dataset.id ?? document.activeElement?.tagName);

    // "/" focuses the search field; ArrowDown leaves it for the first row.
    await page.keyboard.press('/');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    await page.keyboard.press('ArrowDown');
    await expect.poll(focusedRow).toBe('p-overdue');
    // ArrowDown skips the "Upcoming" heading.
    await page.keyboard.press('ArrowDown');
    await expect.poll(focusedRow).toBe('p-up-3');
    expect(await row(page, 'p-up-3').getAttribute('tabindex')).toBe('0');
    expect(await row(page, 'p-overdue').getAttribute('tabindex')).toBe('-1');

    // Space checks it off; focus stays in place, on the row that took its place.
    await page.keyboard.press(' ');
    await expect.poll(() => statusOf(page, 'p-up-3')).toBe('done');
    await expect.poll(focusedRow).toBe('p-up-5');
    await expect.poll(() => row(page, 'p-up-3').getAttribute('data-section')).toBe('done');

    // Enter opens the focused row's thread in a new tab.
    const [tab] = await Promise.all([l.context.waitForEvent('page'), page.keyboard.press('Enter')]);
    await tab.waitForURL(threadUrl(seedOf('p-up-5').n));
    await tab.close();

    // Search filters rows (every word, anywhere in subject, recipients, account); Escape clears it.
    await page.bringToFront();
    const search = page.getByRole('searchbox', { name: 'Search reminders (press /)' });
    await search.fill('lease');
    await expect.poll(() => page.locator('.row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')))).toEqual(['p-up-8']);
    await expect.poll(() => page.locator('h2.section .sr-only').allTextContents()).toEqual(['1 reminders']);
    await search.fill('clara proposal');
    await expect.poll(() => page.locator('.row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')))).toEqual(['p-up-5']);
    await search.fill('nothing like this');
    await expect.poll(() => page.getByText('No reminder matches.').isVisible()).toBe(true);
    expect(await page.locator('.row').count()).toBe(0);
    await search.press('Escape');
    await expect.poll(() => page.locator('.row').count()).toBe(SEEDS.length);
    expect(await search.inputValue()).toBe('');
    expect(l.blocked).toEqual([]);
  });

  it('has no serious or critical axe violations, with reminders (list, actions dialog, snooze picker) and empty', async () => {
    const { l } = await start();
    const empty = await openExtensionPage(l, POPUP);
    await empty.getByText('Click “Remind me” next to Send in Gmail', { exact: false }).waitFor();
    const emptyViolations = await axeViolations(empty);
    expect(emptyViolations, formatViolations('empty popup', emptyViolations)).toEqual([]);

    await seed(empty);
    await empty.close();
    const page = await openPopup(l);
    const listViolations = await axeViolations(page);
    expect(listViolations, formatViolations('popup with reminders', listViolations)).toEqual([]);

    // With a row selected (bulk bar) and the snackbar showing.
    await page.getByRole('checkbox', { name: `Select ${seedOf('p-up-3').subject}` }).check();
    await page.getByRole('checkbox', { name: `Mark done: ${seedOf('p-up-5').subject}` }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Undo' }).count()).toBe(1);
    const bulkViolations = await axeViolations(page);
    expect(bulkViolations, formatViolations('popup with selection and snackbar', bulkViolations)).toEqual([]);

    await page.getByRole('button', { name: `More actions for ${seedOf('p-up-8').subject}` }).click();
    await page.getByRole('dialog').waitFor();
    const dialogViolations = await axeViolations(page);
    expect(dialogViolations, formatViolations('popup actions dialog', dialogViolations)).toEqual([]);

    await page.getByRole('dialog').getByRole('button', { name: 'Snooze…' }).click();
    await expect.poll(() => page.getByRole('dialog').getByRole('button', { name: /^Tomorrow/ }).locator('.when').textContent()).not.toBe('');
    const pickerViolations = await axeViolations(page);
    expect(pickerViolations, formatViolations('popup snooze picker', pickerViolations)).toEqual([]);

    // Dark mode uses its own colours (rows fade their background: no transition, so axe sees the final colours).
    await page.keyboard.press('Escape');
    await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
    const darkViolations = await axeViolations(page);
    expect(darkViolations, formatViolations('popup (dark)', darkViolations)).toEqual([]);
    expect(l.blocked).toEqual([]);
  });
});
