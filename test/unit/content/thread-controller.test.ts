// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { byId } from '../gmail-dom/dom';
import { PRESET_IDS, type PresetId } from '../../../src/core/schedule/presets';
import {
  buttonText,
  controls,
  expectToast,
  fakeReminder,
  NOW,
  onlyShadow,
  settle,
  toastText,
  type Handlers,
} from './harness';
import { threadIntegration } from './thread-integration';

const DUE_LABEL = 'Fri 13 Jun, 09:00';
const EN_IDS = { threadId: '15f1123136926bff', permThreadId: 'thread-f:1581064946762017791' };
/** Another real id pair (the cvOnSend sample's thread). */
const OTHER = { threadId: '183234ce86ffa010', permThreadId: 'thread-f:1743514067378610192' };

const { start } = threadIntegration();

const toolbar = () => byId(document, ':thread-mtb');

async function openMenu(): Promise<ShadowRoot> {
  const shadow = onlyShadow(toolbar());
  shadow.querySelector<HTMLButtonElement>('button.btn')!.click();
  await settle();
  return shadow;
}

function item(shadow: ShadowRoot, text: string): HTMLButtonElement {
  const found = [...shadow.querySelectorAll<HTMLButtonElement>('button.item')].find((b) => b.textContent?.startsWith(text));
  if (!found) throw new Error(`no menu item ${text}`);
  return found;
}

async function pickPreset(shadow: ShadowRoot, preset: PresetId): Promise<void> {
  const items = [...shadow.querySelectorAll<HTMLButtonElement>('[role=group] button.item')];
  expect(items).toHaveLength(PRESET_IDS.length);
  items[PRESET_IDS.indexOf(preset)]!.click();
  await settle();
}

function replaceHeading(ids: { threadId: string; permThreadId: string }, subject: string): void {
  const old = document.querySelector('h2.hP')!;
  const h2 = document.createElement('h2');
  h2.className = 'hP';
  h2.setAttribute('data-legacy-thread-id', ids.threadId);
  h2.setAttribute('data-thread-perm-id', ids.permThreadId);
  h2.textContent = subject;
  old.replaceWith(h2);
}

/** Leaves only the user's own first message: the thread is one the user sent, not one they received. */
const mineLast = () => [...document.querySelectorAll('[role=listitem]')].slice(1).forEach((el) => el.remove());

const existing = (status: 'pending' | 'snoozed' | 'replied' | 'done' = 'pending') =>
  ({ 'reminder.getByThread': () => ({ reminder: fakeReminder({ id: 'rem-7', status }) }) }) satisfies Handlers;

describe('thread control placement and lookup', () => {
  it('lands in the visible thread toolbar, not the hidden list toolbar, and asks for the heading\'s thread', async () => {
    const fake = await start('thread-view-en.html');
    expect(controls(toolbar())).toHaveLength(1);
    expect(controls(byId(document, ':list-tm'))).toHaveLength(0);
    expect(toolbar().lastElementChild?.getAttribute('data-follow-through')).toBe('thread');
    expect(fake.of('reminder.getByThread')).toEqual([{ account: 'me@example.com', ...EN_IDS }]);
    // Bob's message is the newest: a received thread offers "remind me to reply".
    expect(buttonText(toolbar())).toBe('owedButton');
    expect(fake.invalid).toEqual([]);
  });

  it('German thread with perm id "undefined": the perm id is derived from the hex id', async () => {
    const fake = await start('thread-view-de.html');
    expect(fake.of('reminder.getByThread')).toEqual([
      // int('18f2c3d4e5a6b7c8', 16) = 1797714520427640776, as the fixture's msg-f id of the first message says too.
      { account: 'ich@example.de', threadId: '18f2c3d4e5a6b7c8', permThreadId: 'thread-f:1797714520427640776' },
    ]);
    expect(controls(byId(document, ':de-mtb'))).toHaveLength(1);
    expect(controls()).toHaveLength(1);
  });

  it('an existing reminder shows its due time', async () => {
    await start('thread-view-en.html', existing());
    expect(buttonText(toolbar())).toBe(`threadButton[${DUE_LABEL}]`);
  });

  it('a replied reminder says so (nothing known of the reply) and still offers a new one', async () => {
    const fake = await start('thread-view-en.html', existing('replied'));
    expect(buttonText(toolbar())).toBe('threadRepliedPlain');
    const shadow = await openMenu();
    // They replied and their message is the newest: the new reminder is one to answer them.
    item(shadow, 'owedButton').click();
    await settle();
    await pickPreset(shadow, 'tomorrow');
    expect(fake.of('reminder.create')).toMatchObject([{ kind: 'owed-reply', thread: { recipients: [{ email: 'bob@example.com' }, { email: 'alice@example.com' }] } }]);
  });

  it('a reminder kept waiting by an automatic answer says so in its menu', async () => {
    await start('thread-view-en.html', {
      'reminder.getByThread': () => ({
        reminder: fakeReminder({
          id: 'rem-8',
          check: { at: NOW, source: 'print-view', outcome: 'no-reply', failures: 0, autoAnswer: { by: { email: 'alice@example.com', name: 'Alice' }, family: 'vacation', until: '2025-06-16' } },
        }),
      }),
    });
    const shadow = await openMenu();
    expect(shadow.querySelector('[role=note]')?.textContent).toMatch(/^explainAutoAnswer.*Alice.*autoFamily_vacation/);
  });

  it('"That was an automatic answer" on a replied reminder sends reminder.autoAnswer', async () => {
    const fake = await start('thread-view-en.html', existing('replied'));
    const shadow = await openMenu();
    item(shadow, 'threadAutoAnswer').click();
    await settle();
    expect(fake.of('reminder.autoAnswer')).toEqual([{ id: 'rem-7' }]);
  });

  it('a failed lookup shows the error state', async () => {
    const fake = await start('thread-view-en.html', {
      'reminder.getByThread': () => {
        throw new Error('db closed');
      },
    });
    expect(buttonText(toolbar())).toBe('threadError');
    expect(fake.warnings).toContain('reminder lookup failed');
  });

  it('no account in the title nor from the page: error state, no lookup', async () => {
    const fake = await start('thread-view-en.html', undefined, () => {
      document.title = 'Quarterly numbers - Gmail';
    });
    expect(fake.of('reminder.getByThread')).toEqual([]);
    expect(buttonText(toolbar())).toBe('threadError');
  });
});

describe('thread control actions', () => {
  it('create: the thread\'s ids, subject and the recipients of my last message', async () => {
    // A thread whose newest message is mine (the others' answers not there): "remind me if no reply".
    const fake = await start('thread-view-en.html', undefined, mineLast);
    expect(buttonText(toolbar())).toBe('remindButton');
    await pickPreset(await openMenu(), 'in-2-days');
    expect(fake.of('reminder.create')).toEqual([
      {
        id: 'id-1',
        account: 'me@example.com',
        thread: {
          provider: 'gmail',
          ...EN_IDS,
          subject: 'Quarterly numbers',
          recipients: [
            { email: 'alice@example.com', name: 'Alice Example' },
            { email: 'bob@example.com', name: 'Bob Builder' },
          ],
        },
        // The thread's newest message is mine (15f1123136926bff): counted from its send time, read from its Gmail id.
        sentAt: 1507821032297,
        anchor: 'message',
        due: { preset: 'in-2-days' },
      },
    ]);
    await expectToast('toastSet[P:in-2-days]');
    // And it looks again, to show what is stored now.
    expect(fake.of('reminder.getByThread')).toHaveLength(2);
    expect(fake.invalid).toEqual([]);
  });

  it('create from typed relative text: stores the intent, and the toast names the time stored (not the words)', async () => {
    const HOURS_2 = 2 * 3_600_000;
    const fake = await start('thread-view-en.html', {
      'due.preview': (input) => ({ at: NOW + HOURS_2, moved: false, exactTime: true, label: 'Tue 14:00', ...('text' in input ? { relative: { after: HOURS_2 } } : {}) }),
    });
    const shadow = await openMenu();
    const input = shadow.querySelector<HTMLInputElement>('input[type=text]')!;
    input.value = 'in 2 hours';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 300));
    await settle();
    shadow.querySelector<HTMLButtonElement>('button.use')!.click();
    await settle();
    // As shipped the newest message is Bob's: the reminder is an owed reply, counted from his message (15f11a9e4b7c0a55).
    expect(fake.of('reminder.create')).toEqual([expect.objectContaining({ kind: 'owed-reply', sentAt: 1507829867703, due: { after: HOURS_2 } })]);
    // The fake stores every reminder due at DUE_AT: its label is what the toast shows.
    await expectToast('toastOwedSet[Fri 13 Jun, 09:00]');
  });

  it('change: updateDue with the picked time', async () => {
    const fake = await start('thread-view-en.html', existing());
    const shadow = await openMenu();
    item(shadow, 'threadChange').click();
    await settle();
    await pickPreset(shadow, 'next-week');
    expect(fake.of('reminder.updateDue')).toEqual([{ id: 'rem-7', due: { preset: 'next-week' } }]);
    expect(fake.of('reminder.create')).toEqual([]);
    await expectToast('toastSet[P:next-week]');
  });

  it('snooze: presets only, snooze with the picked time', async () => {
    const fake = await start('thread-view-en.html', existing('snoozed'));
    const shadow = await openMenu();
    item(shadow, 'threadSnooze').click();
    await settle();
    expect(shadow.querySelector('input')).toBeNull();
    await pickPreset(shadow, 'tomorrow');
    expect(fake.of('reminder.snooze')).toEqual([{ id: 'rem-7', due: { preset: 'tomorrow' } }]);
  });

  it('cancel: cancel request, no "set" toast', async () => {
    const fake = await start('thread-view-en.html', existing());
    item(await openMenu(), 'removeReminder').click();
    await settle();
    expect(fake.of('reminder.cancel')).toEqual([{ id: 'rem-7' }]);
    expect(fake.of('reminder.getByThread')).toHaveLength(2);
    await new Promise((r) => setTimeout(r, 80));
    expect(toastText()).toBeUndefined();
  });

  it('a refused action: "not set" toast', async () => {
    const fake = await start('thread-view-en.html', {
      'reminder.create': () => {
        throw new Error('conflict');
      },
    });
    await pickPreset(await openMenu(), 'tomorrow');
    await expectToast('toastNotSet');
    expect(fake.warnings).toContain('thread action failed');
  });
});

describe('navigation and re-rendering', () => {
  it('another thread in the same view (heading replaced): the control moves, never two', async () => {
    const fake = await start('thread-view-en.html');
    replaceHeading(OTHER, 'subject_111');
    await settle();
    expect(controls(toolbar())).toHaveLength(1);
    expect(document.querySelectorAll('[data-follow-through=thread]')).toHaveLength(1);
    expect(fake.of('reminder.getByThread')).toEqual([
      { account: 'me@example.com', ...EN_IDS },
      { account: 'me@example.com', ...OTHER },
    ]);
    // Creating now is about the new thread.
    await pickPreset(await openMenu(), 'tomorrow');
    expect(fake.of('reminder.create')[0]!.thread).toMatchObject({ ...OTHER, subject: 'subject_111' });
  });

  it('a new view beside the old, now hidden one: the control is only in the new toolbar', async () => {
    const fake = await start('thread-view-en.html');
    const oldView = toolbar().closest('[gh=tm]')!.parentElement!;
    const newView = oldView.cloneNode(true) as HTMLElement;
    newView.querySelectorAll('[id]').forEach((e) => e.setAttribute('id', `new${e.id}`));
    newView.querySelector('[data-follow-through]')?.remove();
    const h2 = newView.querySelector('h2.hP')!;
    h2.setAttribute('data-legacy-thread-id', OTHER.threadId);
    h2.setAttribute('data-thread-perm-id', OTHER.permThreadId);
    oldView.style.display = 'none';
    oldView.after(newView);
    await settle();
    const newBar = byId(document, 'new:thread-mtb');
    expect(controls(newBar)).toHaveLength(1);
    expect(controls(toolbar())).toHaveLength(0);
    // The new view holds the thread control and a live control for its (copied) inline reply; the old view keeps its compose's.
    expect(controls(newView)).toHaveLength(2);
    expect(controls(newView).every((h) => h.shadowRoot)).toBe(true);
    expect(controls(oldView)).toHaveLength(1);
    expect(controls(oldView)[0]!.closest('[data-follow-through]')!.getAttribute('data-follow-through')).toBe('compose');
    expect(fake.of('reminder.getByThread').at(-1)).toEqual({ account: 'me@example.com', ...OTHER });
  });

  it('a hash change alone (same thread) changes nothing', async () => {
    const fake = await start('thread-view-en.html');
    const host = controls(toolbar())[0];
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await settle();
    expect(controls(toolbar())).toEqual([host]);
    expect(fake.of('reminder.getByThread')).toHaveLength(1);
  });

  it.each([
    ['re-rendered without our control', true],
    ['copied with our (dead) control', false],
  ])('toolbar replaced (%s): one live control in the new toolbar', async (_, dropOurs) => {
    await start('thread-view-en.html', existing());
    const bar = toolbar();
    const clone = bar.cloneNode(true) as Element;
    if (dropOurs) clone.querySelector('[data-follow-through]')!.remove();
    bar.replaceWith(clone);
    await settle();
    expect(document.querySelectorAll('[data-follow-through=thread]')).toHaveLength(1);
    expect(controls(clone)).toHaveLength(1);
    expect(buttonText(clone)).toBe(`threadButton[${DUE_LABEL}]`);
  });
});

describe('with the inline reply below', () => {
  it('a reminder stored from the inline reply shows up in the thread toolbar at once', async () => {
    let stored: ReturnType<typeof fakeReminder> | null = null;
    const fake = await start('thread-view-en.html', {
      'reminder.getByThread': () => ({ reminder: stored }),
      'reminder.create': (p) => {
        stored = fakeReminder({ id: p.id, thread: { ...p.thread, recipients: [] } as never });
        return { reminder: stored, outcome: 'created' };
      },
    });
    // Bob's message is the newest: the toolbar offers a reminder to reply.
    expect(buttonText(toolbar())).toBe('owedButton');
    vi.useFakeTimers();
    try {
      // Arm the inline reply and send it; no send response: the thread view identifies the thread after the wait.
      const compose = byId(document, ':inline-compose');
      const shadow = onlyShadow(compose);
      shadow.querySelector<HTMLButtonElement>('button.btn')!.click();
      await vi.advanceTimersByTimeAsync(0);
      [...shadow.querySelectorAll<HTMLButtonElement>('[role=group] button.item')][0]!.click();
      await vi.advanceTimersByTimeAsync(0);
      expect(buttonText(compose)).toBe('armedButton[P:tomorrow]');
      byId(document, ':79').dispatchEvent(new MouseEvent('click', { bubbles: true }));
      await vi.advanceTimersByTimeAsync(60_100);
    } finally {
      vi.useRealTimers();
    }
    await settle();
    expect(fake.of('reminder.create').map((c) => c.thread.threadId)).toEqual([EN_IDS.threadId]);
    expect(buttonText(toolbar())).toBe(`threadButton[${DUE_LABEL}]`);
  });
});

describe('a thread whose reminder is in a follow-up chain', () => {
  const chain = { repeat: true, steps: [3, 7, 14], cap: 3, sent: [{ at: NOW - 86_400_000 }] };

  it('the menu says where the chain stands; Stop repeating asks the background and the control reloads', async () => {
    let repeat = true;
    const fake = await start('thread-view-en.html', {
      'reminder.getByThread': () => ({ reminder: fakeReminder({ id: 'rem-7', chain: { ...chain, repeat } }) }),
      'reminder.setRepeat': (p) => {
        repeat = p.repeat;
        const reminder = fakeReminder({ id: p.id, chain: { ...chain, repeat } });
        return { reminder, previous: fakeReminder({ id: p.id, chain }) };
      },
    });
    const shadow = await openMenu();
    expect([...shadow.querySelectorAll('.head.chain')].map((p) => p.textContent)).toEqual(['chainPosition[1|3]']);
    item(shadow, 'actionStopRepeat').click();
    await settle();
    expect(fake.of('reminder.setRepeat')).toEqual([{ id: 'rem-7', repeat: false }]);
    const again = await openMenu();
    expect(item(again, 'actionRepeat')).toBeTruthy();
  });

  it('an owed reply has no repeat toggle', async () => {
    const shadow = await (async () => {
      await start('thread-view-en.html', { 'reminder.getByThread': () => ({ reminder: fakeReminder({ id: 'rem-8', kind: 'owed-reply' }) }) });
      return openMenu();
    })();
    expect(() => item(shadow, 'actionStopRepeat')).toThrow();
    expect(() => item(shadow, 'actionRepeat')).toThrow();
  });
});
