// @vitest-environment happy-dom
/**
 * Hostile mail content as the popup shows it: reminders created through the
 * background's router from a Gmail tab, rendered by the real checklist. Text
 * only: no element or attribute of the mail's making, the words all there.
 */
import { cleanup } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeRecipients, subjectOf } from '../../../src/core/notification-text';
import type { Reminder } from '../../../src/core/reminder';
import { fakeBackground as realBackground } from '../background/fakes';
import { setup, t } from '../popup/helpers';
import { createAll, HOSTILE } from './hostile';

afterEach(cleanup);

/** Every element's tag and attribute names under the body, in document order. */
function shape(): { tags: string[]; attributes: string[] } {
  const all = [...document.body.querySelectorAll('*')];
  return {
    tags: all.map((el) => el.tagName.toLowerCase()),
    attributes: [...new Set(all.flatMap((el) => el.getAttributeNames()))].sort(),
  };
}

async function hostileReminders(): Promise<Reminder[]> {
  const f = realBackground();
  const replies = await createAll(f);
  expect(replies.every((r) => r.ok)).toBe(true);
  return (await f.bg.store.all()).sort((a, b) => a.dueAt - b.dueAt);
}

/** The same reminders with harmless text: what the popup renders for them is the reference shape. */
const benign = (r: Reminder, i: number): Reminder => ({
  ...r,
  thread: { ...r.thread, subject: `Subject ${i}`, recipients: r.thread.recipients.map((_, j) => ({ email: `p${j}@example.com`, name: `Person ${j}` })) },
});

describe('the popup renders hostile mail text as text', () => {
  it('creates no element or attribute of its own, runs nothing, and shows every word', async () => {
    const reminders = await hostileReminders();
    const alert = vi.fn();
    window.alert = alert;
    let checked = 0;
    // A few at a time, so every row is inside the virtual list's rendered window.
    for (let start = 0; start < reminders.length; start += 3) {
      const batch = reminders.slice(start, start + 3);

      await setup(batch.map(benign));
      const reference = shape();
      cleanup();

      await setup(batch);
      const rendered = shape();
      expect(rendered.tags).toEqual(reference.tags);
      expect(rendered.attributes).toEqual(reference.attributes);
      expect(rendered.attributes.filter((a) => a.startsWith('on'))).toEqual([]);
      expect(document.querySelectorAll('script, img, iframe, object, embed, [src], [href^="javascript"]')).toHaveLength(0);

      for (const r of batch) {
        const row = document.querySelector<HTMLElement>(`[data-id="${r.id}"]`);
        expect(row, r.thread.subject.slice(0, 40)).not.toBeNull();
        const subject = row!.querySelector('.subject')!;
        expect(subject.textContent).toBe(subjectOf(r, t));
        expect(row!.querySelector('.who')!.textContent).toBe(describeRecipients(r.thread.recipients, t));
        // Markup in mail text is shown literally.
        if (r.thread.subject.includes('<script>')) expect(subject.textContent).toContain('<script>alert(1)</script>');
        if (r.thread.subject.includes('<img')) expect(subject.textContent).toContain('<img src=x onerror=alert(1)>');
        // No bidi override survives into what is shown.
        expect(row!.textContent).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
        checked++;
      }
      cleanup();
    }
    expect(alert).not.toHaveBeenCalled();
    expect(reminders).toHaveLength(HOSTILE.length);
    expect(checked).toBe(HOSTILE.length);
  }, 30_000);
});
