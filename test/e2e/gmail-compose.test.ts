import { afterEach, describe, expect, it } from 'vitest';
import { openExtensionPage, readReminders, sleep, waitFor } from './harness';
import { bodyOf, domFixture, gmailPage, syncSample } from './gmail-pages';
import { closeAll, control, gmailWith, newCompose, previewOf, remindButton, SEND, storedReminders } from './gmail-session';

afterEach(closeAll);

describe('Gmail compose in real Chromium', () => {
  it('arms a new compose with the mouse and stores the sent thread from Gmail\'s send response', async () => {
    const { l, page, errors } = await gmailWith(newCompose(), syncSample('cvOnSend_response'));
    await remindButton(page).click();
    await control(page).getByRole('button', { name: /^Tomorrow/ }).click();
    await expect.poll(() => control(page).getByRole('button').first().textContent()).toMatch(/^If no reply: /);

    const expected = await previewOf(l, 'tomorrow');
    await page.locator(SEND).click();
    const [reminder] = await storedReminders(l, 1);
    expect(reminder).toMatchObject({
      account: 'test@gmail.com',
      status: 'pending',
      kind: 'no-reply',
      dueAt: expected.at,
      thread: {
        provider: 'gmail',
        threadId: '183234ce86ffa010',
        permThreadId: 'thread-f:1743514067378610192',
        messageId: '<CAFsK+UQf12W_Efo3+hwj+BWb+sk8DaGQkrOoBOU38nHafAHJ4Q@mail.gmail.com>',
        subject: 'subject_111',
        recipients: [{ email: 'test+1@gmail.com', name: 'Test Test' }],
      },
    });
    expect(reminder!.sentAt).toBe(1662744701149);
    await expect.poll(() => page.locator('follow-through-toast').first().evaluate((el) => el.shadowRoot?.textContent ?? '')).toContain(
      `reminder set for ${expected.label}`,
    );
    expect(errors).toEqual([]);
  });

  it('works from the keyboard: open the menu, pick with the arrows, send with Ctrl+Enter', async () => {
    const { l, page } = await gmailWith(newCompose(), syncSample('cvOnSend_response'));
    await remindButton(page).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => control(page).getByRole('button', { name: /^Tomorrow/ }).evaluate((el) => el.matches(':focus'))).toBe(true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => control(page).getByRole('button').first().textContent()).toMatch(/^If no reply: /);

    const expected = await previewOf(l, 'in-2-days');
    await page.locator('input[name=subjectbox]').focus();
    await page.keyboard.press('Control+Enter');
    const [reminder] = await storedReminders(l, 1);
    expect(reminder).toMatchObject({ dueAt: expected.at, thread: { threadId: '183234ce86ffa010' } });
  });

  it('stores nothing for a compose that was never armed', async () => {
    const { l, page, seen } = await gmailWith(newCompose(), syncSample('cvOnSend_response'));
    await remindButton(page).waitFor();
    await page.locator(SEND).click();
    await waitFor(async () => seen.some((s) => s.startsWith('POST /sync/')), { what: 'the send request' });
    await sleep(500);
    const ext = await openExtensionPage(l);
    expect(await readReminders(ext)).toEqual([]);
  });

  it('keeps one control, still armed, when Gmail re-renders the send row', async () => {
    const { page } = await gmailWith(newCompose());
    await remindButton(page).click();
    await control(page).getByRole('button', { name: /^Tomorrow/ }).click();
    await expect.poll(() => control(page).getByRole('button').first().textContent()).toMatch(/^If no reply: /);

    // Gmail replaces the send row with a fresh copy of its own markup (our cell is not in Gmail's copy).
    await page.evaluate(() => {
      const row = document.querySelector('table.IZ tr.btC')!;
      const fresh = row.cloneNode(true) as Element;
      fresh.querySelector('[data-follow-through]')?.remove();
      row.replaceWith(fresh);
    });
    await expect.poll(() => page.locator('follow-through-control').count()).toBe(1);
    await expect.poll(() => control(page).getByRole('button').first().textContent()).toMatch(/^If no reply: /);
    // And re-inserting the same row twice never doubles it.
    await page.evaluate(() => {
      const row = document.querySelector('table.IZ tr.btC')!;
      row.parentElement!.append(row);
    });
    await sleep(200);
    expect(await page.locator('follow-through-control').count()).toBe(1);
  });
});

describe('Gmail thread view in real Chromium', () => {
  const threadPage = (withReply: boolean) =>
    gmailPage({
      account: 'test@streak.com',
      body: bodyOf(domFixture('thread-view-en.html')),
      // The thread of the cvOnReplySend_2 capture.
      setup: `
        const h2 = document.querySelector('h2.hP');
        h2.setAttribute('data-legacy-thread-id', '18333b13345c3a42');
        h2.setAttribute('data-thread-perm-id', 'thread-f:1743802434391390786');
        const form = document.querySelector('.ip.adB form');
        if (form) {
          form.querySelector('input[name=draft]').value = '#msg-a:r2026878197680476540';
          form.querySelector('input[name=lts]').value = '18333b13345c3a42';
        }
        ${withReply ? '' : "document.querySelector('.ip.adB')?.remove();"}`,
      syncRequest: syncSample('cvOnReplySend_2_request'),
    });

  it('stores an inline reply under the thread\'s server id and Message-ID', async () => {
    const { l, page } = await gmailWith(threadPage(true), syncSample('cvOnReplySend_2_response'));
    const inline = page.locator('.ip.adB follow-through-control');
    await inline.getByRole('button', { name: 'Remind me', exact: true }).click();
    await inline.getByRole('button', { name: /^In 1 week/ }).click();
    const expected = await previewOf(l, 'in-1-week');
    await page.locator(`.ip.adB ${SEND}`).click();
    const [reminder] = await storedReminders(l, 1);
    expect(reminder).toMatchObject({
      account: 'test@streak.com',
      dueAt: expected.at,
      thread: {
        threadId: '18333b13345c3a42',
        permThreadId: 'thread-f:1743802434391390786',
        messageId: '<CAFxDt-NiTcOcChGTdnjfqAW4x-A6VaVkW=jd2y8jE1bJajCULg@mail.gmail.com>',
      },
    });
  });

  it('adds a reminder from the thread toolbar, shows it after a reload, and cancels it', async () => {
    const { l, page } = await gmailWith(threadPage(false));
    const toolbar = page.locator('[gh=mtb] follow-through-control');
    await expect.poll(() => toolbar.count()).toBe(1);
    await toolbar.getByRole('button').first().click();
    await toolbar.getByRole('button', { name: /^Tomorrow/ }).click();
    const expected = await previewOf(l, 'tomorrow');
    const [reminder] = await storedReminders(l, 1);
    expect(reminder).toMatchObject({
      account: 'test@streak.com',
      status: 'pending',
      dueAt: expected.at,
      thread: { threadId: '18333b13345c3a42', permThreadId: 'thread-f:1743802434391390786', subject: expect.any(String) },
    });
    expect(reminder!.thread.recipients.length).toBeGreaterThan(0);

    await page.reload();
    await expect.poll(() => toolbar.getByRole('button').first().textContent()).toContain(expected.label);
    await toolbar.getByRole('button').first().click();
    await toolbar.getByRole('button', { name: 'Remove reminder' }).click();
    const ext = await openExtensionPage(l);
    await waitFor(async () => (await readReminders(ext))[0]?.status === 'cancelled', { what: 'cancelled reminder' });
  });
});
