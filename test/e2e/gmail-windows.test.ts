import { afterEach, describe, expect, it } from 'vitest';
import { currentWorker, openExtensionPage, sendOk, waitFor } from './harness';
import { domFixture, gmailPage, syncSample } from './gmail-pages';
import { closeAll, control, gmailWith, newCompose, previewOf, remindButton, SEND, storedReminders } from './gmail-session';

afterEach(closeAll);

const armedText = (page: Parameters<typeof control>[0]) => control(page).getByRole('button').first().textContent();

describe('Gmail in German, other compose windows, keyboard command, diagnostics', () => {
  it('speaks German in a German browser with Gmail in German', async () => {
    const html = gmailPage({
      account: 'test@gmail.com',
      body: `<div class="AD">${domFixture('compose-new-de.html')}</div>`,
      setup: `document.querySelector('input[name=draft]').value = '#msg-a:r8190137112111191537';`,
      syncRequest: syncSample('cvOnSend_request'),
    });
    const { l, page } = await gmailWith(html, syncSample('cvOnSend_response'), 'de');
    await control(page).getByRole('button', { name: 'Erinnern', exact: true }).click();
    await control(page).getByRole('button', { name: /^Morgen/ }).click();
    await expect.poll(() => armedText(page)).toMatch(/^Ohne Antwort: /);
    const expected = await previewOf(l, 'tomorrow');
    await page.locator(SEND).click();
    const [reminder] = await storedReminders(l, 1);
    expect(reminder).toMatchObject({ account: 'test@gmail.com', dueAt: expected.at, thread: { threadId: '183234ce86ffa010' } });
    await expect
      .poll(() => page.locator('follow-through-toast').first().evaluate((el) => el.shadowRoot?.textContent ?? ''))
      .toContain('Erinnerung für');
  });

  it('puts one control into a full-screen compose and into a pop-out compose window', async () => {
    const full = await gmailWith(gmailPage({ account: 'me@example.com', body: domFixture('compose-fullscreen.html') }));
    await remindButton(full.page).waitFor();
    expect(await full.page.locator('follow-through-control').count()).toBe(1);

    const popout = await gmailWith(
      gmailPage({ account: 'me@example.com', body: domFixture('compose-dialog.html'), setup: "document.body.classList.add('xE', 'xp');" }),
    );
    await remindButton(popout.page).waitFor();
    expect(await popout.page.locator('follow-through-control').count()).toBe(1);
  });

  it('arms the open compose from the keyboard command the background relays', async () => {
    const { l, page } = await gmailWith(newCompose());
    await remindButton(page).waitFor();
    await page.locator('input[name=subjectbox]').focus();
    const worker = await currentWorker(l.context);
    // What the background's commands.onCommand handler does for Alt+Shift+R.
    await worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      await chrome.tabs.sendMessage(tab!.id!, { v: 1, type: 'content.arm' });
    });
    const expected = await previewOf(l, 'in-3-days');
    await expect.poll(() => armedText(page)).toBe(`If no reply: \u2068${expected.label}\u2069`);
  });

  it('reports the integration health of the tab for the diagnostics page', async () => {
    const { l, page } = await gmailWith(newCompose(), syncSample('cvOnSend_response'));
    await remindButton(page).click();
    await control(page).getByRole('button', { name: /^Tomorrow/ }).click();
    await page.locator(SEND).click();
    await storedReminders(l, 1);
    const ext = await openExtensionPage(l);
    const report = await waitFor(async () => {
      const { reports } = await sendOk(ext, 'integration.get', {});
      const r = reports.find((x) => x.account === 'test@gmail.com');
      return r?.checks.sendHook === 'ok' && r.checks.threadId === 'ok' ? r : undefined;
    }, { what: 'an integration report' });
    expect(report.checks).toMatchObject({ composeButton: 'ok', sendHook: 'ok', threadId: 'ok', account: 'ok' });
  });

  it('arms every new compose when the user asked for it', async () => {
    const { l, page } = await gmailWith(newCompose());
    const ext = await openExtensionPage(l);
    const { settings } = await sendOk(ext, 'settings.get', {});
    const worker = await currentWorker(l.context);
    await worker.evaluate((s) => chrome.storage.local.set({ settings: s }), { ...settings, armNewComposes: true });
    // The content script caches settings for a minute: a new page load reads them afresh.
    await page.reload();
    const expected = await previewOf(l, settings.defaultPreset);
    await expect.poll(() => armedText(page)).toBe(`If no reply: \u2068${expected.label}\u2069`);
  });

  it('ships the Gmail scripts self-contained: nothing web-accessible', async () => {
    const { l } = await gmailWith(newCompose());
    const manifest = await l.worker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest).not.toHaveProperty('web_accessible_resources');
  });
});
