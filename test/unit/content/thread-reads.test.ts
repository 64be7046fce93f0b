// @vitest-environment happy-dom
/**
 * How often a thread open parses the thread's messages: once per load (the
 * offer and the observation share that read), and the observation still
 * follows the settled view.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as threadView from '../../../src/content/gmail/thread-view';
import { byId } from '../gmail-dom/dom';
import { buttonText, fakeReminder, type Handlers } from './harness';
import { threadIntegration } from './thread-integration';

vi.mock('../../../src/content/gmail/thread-view', async (original) => {
  const real = await original<typeof import('../../../src/content/gmail/thread-view')>();
  return { ...real, threadMessages: vi.fn(real.threadMessages) };
});

const reads = vi.mocked(threadView.threadMessages);
const { start } = threadIntegration();
const toolbar = () => byId(document, ':thread-mtb');
const pending = { 'reminder.getByThread': () => ({ reminder: fakeReminder({ id: 'rem-7', status: 'pending' }) }) } satisfies Handlers;

afterEach(() => reads.mockClear());

describe('a thread open reads its messages once', () => {
  it('a waiting reminder: one read serves the offer and the observation, which comes after the lookup', async () => {
    reads.mockClear();
    const fake = await start('thread-view-en.html', pending);
    expect(reads).toHaveBeenCalledTimes(1);
    const [observed] = fake.of('thread.observed');
    // The observation carries exactly what that one read returned.
    expect(observed!.messages.map((m) => m.from.email)).toEqual(reads.mock.results[0]!.value.map((m: threadView.ThreadMessage) => m.from?.email));
    const order = fake.calls.map((c) => c.type).filter((t) => t === 'reminder.getByThread' || t === 'thread.observed');
    expect(order).toEqual(['reminder.getByThread', 'thread.observed']);
    expect(buttonText(toolbar())).toMatch(/^threadButton\[/);
  });

  it('no reminder: one read (the offer), nothing observed', async () => {
    reads.mockClear();
    const fake = await start('thread-view-en.html');
    expect(reads).toHaveBeenCalledTimes(1);
    expect(fake.of('thread.observed')).toEqual([]);
    // Bob wrote last: the offer read from it is "remind me to reply".
    expect(buttonText(toolbar())).toBe('owedButton');
  });

  it('a reply found by that observation reloads once: one more read, the control shows the reply', async () => {
    let reminder = fakeReminder({ id: 'rem-7', status: 'pending' });
    reads.mockClear();
    const fake = await start('thread-view-en.html', {
      'reminder.getByThread': () => ({ reminder }),
      'thread.observed': () => {
        reminder = fakeReminder({ id: 'rem-7', status: 'replied', resolution: { kind: 'reply', by: { email: 'bob@example.com', name: 'Bob' }, at: reminder.dueAt, source: 'gmail-tab' } });
        return { resolved: [reminder] };
      },
    });
    await vi.waitFor(() => expect(buttonText(toolbar())).toMatch(/^threadReplied\[Bob/));
    expect(fake.of('reminder.getByThread')).toHaveLength(2);
    // The reload reads again (the thread may have changed), and does not observe a replied reminder.
    expect(reads).toHaveBeenCalledTimes(2);
    expect(fake.of('thread.observed')).toHaveLength(1);
  });
});
