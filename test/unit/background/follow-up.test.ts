/**
 * "Write follow-up" in the background: who gets one, what the Gmail tab is
 * told (once, for that account and thread, only while the reminder waits),
 * what the compose is armed with, and the notification's buttons.
 */
import { describe, expect, it } from 'vitest';
import { createFollowUps, type NextFollowUp } from '../../../src/background/follow-up';
import { replyIntentStore, REPLY_INTENTS_KEY } from '../../../src/background/reply-intents';
import { createRouter } from '../../../src/background/router';
import { threadUrl } from '../../../src/core/gmail-links';
import type { Reminder } from '../../../src/core/reminder';
import type { RequestOf } from '../../../src/core/protocol/schemas';
import { EXTENSION_ID, EXTENSION_ORIGIN, fakeBackground, fakeI18n, FakeClock, FakeLog, FakeStorageArea, GMAIL_TAB, HOUR, MIN, POPUP, T0, thread, userSettings } from './fakes';

const ME = 'me@example.com';
const TWO = thread(1, { recipients: [{ email: 'ann@client.com', name: 'Ann Lee' }, { email: 'bob@client.com', name: 'Bob Roe' }] });
const hex = TWO.threadId!;

function payload(over: Partial<RequestOf<'reminder.create'>> = {}): RequestOf<'reminder.create'> {
  return { id: 'wait-1', account: ME, thread: TWO, sentAt: T0 - 3 * 24 * HOUR, due: { at: T0 + HOUR }, ...over };
}

/** A "remind me if no reply" that came due and was announced. */
async function withDue(settings = userSettings(), over: Partial<RequestOf<'reminder.create'>> = {}) {
  const f = fakeBackground({ now: T0, settings });
  await f.bg.handlers['reminder.create'](payload(over));
  f.clock.advance(HOUR);
  await f.bg.reconcile('alarm');
  expect((await f.bg.store.get(over.id ?? 'wait-1'))!.status).toBe('notified');
  return f;
}

const ask = (f: ReturnType<typeof fakeBackground>, over: Partial<RequestOf<'reminder.getByThread'>> = {}) =>
  f.bg.handlers['reminder.getByThread']({ account: ME, threadId: hex, ...over });

describe('reminder.writeFollowUp', () => {
  it('opens the thread in its account; the thread view asking for it gets the nudge and the reply to open, once', async () => {
    const f = await withDue();
    const { reminder, opened } = await f.bg.handlers['reminder.writeFollowUp']({ id: 'wait-1' });
    expect(opened).toBe('opened');
    expect(f.tabs.opened).toEqual([threadUrl(reminder)]);
    expect(f.tabs.opened[0]).toContain('authuser=me%40example.com');
    // Writing is not sending: the reminder is untouched until the user sends.
    expect((await f.bg.store.get('wait-1'))!).toMatchObject({ status: 'notified', rev: reminder.rev });

    expect(await ask(f)).toEqual({ reminder: expect.objectContaining({ id: 'wait-1' }), openReply: true, followUp: { reminderId: 'wait-1' } });
    // The tab then asks for the text, with the user's name as the thread shows it.
    const { draft } = await f.bg.handlers['reminder.followUpDraft']({ id: 'wait-1', myName: 'Me Myself' });
    // The user's template (friendly English, the UI language) for both recipients, signed with the name the tab read;
    // armed as the chain's first follow-up, back in 7 days at 09:00 in the user's zone if nobody answers.
    expect(draft).toEqual({
      reminderId: 'wait-1',
      text: expect.stringMatching(/^Hi Ann and Bob,\n\n[^{}]*March 7[^{}]*\n\nBest regards,\nMe Myself$/),
      templateId: 'builtin:en:friendly',
      replyAll: true,
      arm: { kind: 'chain', dueAt: Date.parse('2025-03-17T09:00-04:00'), n: 1, of: 3, final: false },
    });
    const again = await ask(f);
    expect(again.openReply).toBeUndefined();
    expect(again.followUp).toBeUndefined();
  });

  it('focuses an open Gmail tab of the account instead of opening another', async () => {
    const f = await withDue();
    f.gmailTabs.add({ account: 'other@example.com', active: true });
    f.gmailTabs.add({ account: ME });
    const { opened } = await f.bg.handlers['reminder.writeFollowUp']({ id: 'wait-1' });
    expect(opened).toBe('focused');
    expect(f.tabs.opened).toEqual([]);
    expect(f.gmailTabs.focused).toEqual([2]);
    expect(f.gmailTabs.tabs[1]!.hash).toBe(`#all/${hex}`);
    expect((await ask(f)).followUp).toMatchObject({ reminderId: 'wait-1' });
  });

  it('another account or thread does not take it, and it expires', async () => {
    const f = await withDue();
    await f.bg.handlers['reminder.writeFollowUp']({ id: 'wait-1' });
    expect((await ask(f, { account: 'other@example.com' })).followUp).toBeUndefined();
    expect((await ask(f, { threadId: thread(2).threadId! })).followUp).toBeUndefined();
    f.clock.advance(3 * MIN);
    expect(await ask(f)).toEqual({ reminder: expect.objectContaining({ id: 'wait-1' }) });
  });

  it('answered between the click and the tab asking: no reply opens and nothing is written', async () => {
    const f = await withDue();
    await f.bg.handlers['reminder.writeFollowUp']({ id: 'wait-1' });
    await f.bg.handlers['thread.observed']({
      account: ME,
      threadId: hex,
      messages: [
        { from: { email: ME }, to: [{ email: 'ann@client.com' }], at: T0 - 3 * 24 * HOUR },
        { from: { email: 'ann@client.com', name: 'Ann Lee' }, to: [{ email: ME }], at: T0 + HOUR + MIN },
      ],
    });
    expect((await f.bg.store.get('wait-1'))!.status).toBe('replied');
    const answer = await ask(f);
    expect(answer.openReply).toBeUndefined();
    expect(answer.followUp).toBeUndefined();
  });

  it('reply-all only when the tracked message went to several people and the setting is on', async () => {
    const one = await withDue(userSettings(), { thread: thread(1) });
    expect((await one.bg.handlers['reminder.followUpDraft']({ id: 'wait-1' })).draft.replyAll).toBe(false);
    const off = await withDue(userSettings({ followUpReplyAll: false }));
    expect((await off.bg.handlers['reminder.followUpDraft']({ id: 'wait-1' })).draft.replyAll).toBe(false);
  });

  it('refuses owed replies, finished and bounced reminders with a clear error, and unknown ids', async () => {
    const f = await withDue();
    const route = createRouter({ handlers: f.bg.handlers, extensionId: EXTENSION_ID, extensionOrigin: EXTENSION_ORIGIN, log: new FakeLog() });
    const write = (id: string) => route({ v: 1, type: 'reminder.writeFollowUp', payload: { id } }, POPUP);

    await f.bg.handlers['reminder.create'](payload({ id: 'owed', kind: 'owed-reply', thread: thread(3), sentAt: T0, due: { at: T0 + 5 * HOUR } }));
    expect(await write('owed')).toEqual({ ok: false, error: { code: 'illegal-transition', message: 'followUpRefused_kind' } });

    await f.bg.handlers['reminder.create'](payload({ id: 'done', thread: thread(4), due: { at: T0 + 5 * HOUR } }));
    await f.bg.handlers['reminder.done']({ id: 'done' });
    expect(await write('done')).toEqual({ ok: false, error: { code: 'illegal-transition', message: 'followUpRefused_finished' } });

    const bounced: Reminder = { ...(await f.bg.store.get('wait-1'))!, id: 'bounced', thread: thread(5), threadKey: `gmail:${thread(5).threadId}` };
    bounced.check = { at: T0, source: 'print-view', outcome: 'bounced', by: { email: 'mailer-daemon@googlemail.com' }, failures: 0 };
    await f.bg.store.create(bounced, T0);
    expect(await write('bounced')).toEqual({ ok: false, error: { code: 'illegal-transition', message: 'followUpRefused_bounced' } });

    expect(await write('nope')).toMatchObject({ ok: false, error: { code: 'not-found' } });
    // Nothing was opened or stored for any of them.
    expect(f.tabs.opened).toEqual([]);
    expect(f.storage.data[REPLY_INTENTS_KEY]).toBeUndefined();
  });

  it('only our pages may ask to open a tab; a Gmail tab may only ask for the draft', async () => {
    const f = await withDue();
    const route = createRouter({ handlers: f.bg.handlers, extensionId: EXTENSION_ID, extensionOrigin: EXTENSION_ORIGIN, log: new FakeLog() });
    expect(await route({ v: 1, type: 'reminder.writeFollowUp', payload: { id: 'wait-1' } }, GMAIL_TAB)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const draft = await route({ v: 1, type: 'reminder.followUpDraft', payload: { id: 'wait-1', myName: 'Me' } }, GMAIL_TAB);
    expect(draft).toMatchObject({ ok: true, data: { reminder: { id: 'wait-1' }, draft: { reminderId: 'wait-1', replyAll: true } } });
    expect(await route({ v: 1, type: 'reminder.followUpDraft', payload: { id: 'wait-1' } }, POPUP)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('reminder.followUpDraft (the thread control, in its own tab)', () => {
  it('answers the nudge and what to arm with, and opens nothing; a finished reminder gets none', async () => {
    const f = await withDue();
    const { draft } = await f.bg.handlers['reminder.followUpDraft']({ id: 'wait-1', myName: 'Me Myself' });
    expect(draft).toMatchObject({ reminderId: 'wait-1', replyAll: true });
    expect(f.tabs.opened).toEqual([]);
    expect(f.gmailTabs.sent).toEqual([]);
    expect((await ask(f)).openReply).toBeUndefined();
    await f.bg.handlers['reminder.done']({ id: 'wait-1' });
    await expect(f.bg.handlers['reminder.followUpDraft']({ id: 'wait-1' })).rejects.toMatchObject({ code: 'illegal-transition', message: 'followUpRefused_finished' });
  });
});

describe('what the follow-up compose is armed with', () => {
  async function draftWith(next: NextFollowUp, settings = userSettings()) {
    const f = await withDue(settings);
    const seen: { myName?: string; locale: string; now: number }[] = [];
    const followUps = createFollowUps({
      store: f.bg.store,
      settings: { get: async () => settings },
      clock: f.clock,
      i18n: { ...fakeI18n, locale: () => 'de-DE' },
      intents: replyIntentStore(f.storage),
      openThread: async () => 'opened',
      render: (r, _s, options) => {
        seen.push(options);
        return { text: `Nudge about ${r.thread.subject}`, templateId: 'friendly' };
      },
      nextFollowUp: next,
    });
    return { ...(await followUps.draftFor('wait-1', 'Me')), seen, now: f.clock.now() };
  }

  it('the chain\'s next step when there is one, with its number', async () => {
    const step = { dueAt: T0 + 7 * 24 * HOUR, n: 2, of: 3, final: false };
    const { draft, seen, now } = await draftWith(() => step);
    expect(draft).toEqual({ reminderId: 'wait-1', text: 'Nudge about Quote for project 1', templateId: 'friendly', replyAll: true, arm: { kind: 'chain', ...step } });
    // Rendered in the UI language, now, with the name the tab read.
    expect(seen).toEqual([{ locale: 'de-DE', now, myName: 'Me' }]);
  });

  it('the default delay when the chain has no further step, so the thread still comes back', async () => {
    const { draft } = await draftWith(() => undefined, userSettings({ defaultPreset: 'in-1-week' }));
    expect(draft.arm).toEqual({ kind: 'default', preset: 'in-1-week' });
  });
});

describe('reply intents in storage', () => {
  it('survive the worker (a new store on the same storage takes them) and are taken once even when asked twice at once', async () => {
    const storage = new FakeStorageArea();
    const clock = new FakeClock(T0);
    await replyIntentStore(storage).set(ME, ['gmail:abc'], clock.now(), { reminderId: 'r-1' });
    const after = replyIntentStore(storage);
    const [a, b] = await Promise.all([after.take(ME, ['gmail:abc'], clock.now()), after.take(ME, ['gmail:abc'], clock.now())]);
    expect([a, b].filter(Boolean)).toEqual([{ account: ME, keys: ['gmail:abc'], until: T0 + 2 * MIN, followUp: { reminderId: 'r-1' } }]);
  });

  it('ignores what is not an intent (a damaged or foreign value) and keeps Reply now intents without a follow-up', async () => {
    const storage = new FakeStorageArea({ [REPLY_INTENTS_KEY]: [null, 'x', { account: ME, keys: [1], until: T0 + MIN }, { account: ME, keys: ['gmail:abc'], until: T0 + MIN, followUp: { reminderId: 7 } }] });
    const store = replyIntentStore(storage);
    expect(await store.take(ME, ['gmail:abc'], T0)).toBeUndefined();
    await store.set(ME, ['gmail:abc'], T0);
    expect(await store.take(ME, ['gmail:abc'], T0)).toEqual({ account: ME, keys: ['gmail:abc'], until: T0 + 2 * MIN });
  });
});

describe('the due notification', () => {
  it('offers "Write follow-up" for a reminder waiting for a reply; its button fills the reply, the body only opens the thread', async () => {
    const f = await withDue();
    expect(f.notifications.shown.get('r:wait-1')!.buttons).toEqual([{ title: 'actionWriteFollowUp' }, { title: 'actionSnooze' }]);
    await f.bg.notificationActions.onClicked('r:wait-1');
    expect((await ask(f)).openReply).toBeUndefined();
    expect(f.tabs.opened).toHaveLength(1);

    await f.bg.reconcile('alarm');
    await f.bg.notificationActions.onButtonClicked('r:wait-1', 0);
    expect(f.tabs.opened).toHaveLength(2);
    expect(f.notifications.shown.has('r:wait-1')).toBe(false);
    expect((await ask(f)).followUp).toMatchObject({ reminderId: 'wait-1' });
  });

  it('an owed reply keeps "Reply now"; a bounce and a reminder regardless of replies offer "Open thread", whose button opens the thread only', async () => {
    const f = fakeBackground({ now: T0 });
    await f.bg.handlers['reminder.create'](payload({ id: 'owed', kind: 'owed-reply', thread: thread(3), sentAt: T0 - HOUR }));
    await f.bg.handlers['reminder.create'](payload({ id: 'always', kind: 'always', thread: thread(5) }));
    await f.bg.handlers['reminder.create'](payload({ id: 'bounce', thread: thread(4) }));
    f.printView.threads.set(thread(4).threadId!, [
      { from: { email: ME }, to: [{ email: 'ann@client.com' }], at: T0 - 3 * 24 * HOUR },
      { from: { email: 'mailer-daemon@googlemail.com', name: 'Mail Delivery Subsystem' }, to: [{ email: ME }], at: T0 - 3 * 24 * HOUR + MIN },
    ]);
    f.clock.advance(HOUR);
    await f.bg.reconcile('alarm');
    expect(f.notifications.shown.get('r:owed')!.buttons![0]).toEqual({ title: 'actionReplyNow' });
    expect((await f.bg.store.get('bounce'))!.check?.outcome).toBe('bounced');
    expect(f.notifications.shown.get('r:bounce')!.buttons![0]).toEqual({ title: 'actionOpenThread' });
    expect(f.notifications.shown.get('r:always')!.buttons![0]).toEqual({ title: 'actionOpenThread' });
    await expect(f.bg.handlers['reminder.writeFollowUp']({ id: 'always' })).rejects.toMatchObject({ code: 'illegal-transition', message: 'followUpRefused_kind' });
    await f.bg.notificationActions.onButtonClicked('r:bounce', 0);
    expect(f.tabs.opened).toEqual([threadUrl((await f.bg.store.get('bounce'))!)]);
    expect((await ask(f, { threadId: thread(4).threadId! })).openReply).toBeUndefined();
  });
});
