// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { byId, load } from '../gmail-dom/dom';
import { createThreadObserver, legacyIdTime, observedMessages } from '../../../src/content/controller/observe-thread';
import { threadMessages, visibleThread, type ThreadMessage } from '../../../src/content/gmail/thread-view';
import { fakeDeps, fakeReminder } from './harness';

const ME = { email: 'me@example.com', name: 'Me Myself' };
const ALICE = { email: 'alice@example.com', name: 'Alice Example' };
const BOB = { email: 'bob@example.com', name: 'Bob Builder' };

function shown(fixture: string, edit?: (html: string) => string) {
  load(fixture, { edit });
  const thread = visibleThread(document)!;
  return { thread, messages: threadMessages(document, thread) };
}

describe('legacyIdTime', () => {
  it('is the legacy id >> 20, in ms', () => {
    // 0x15f1123136926bff >> 20 = 1507821032297 = 2017-10-12T15:10:32.297Z
    expect(legacyIdTime('15f1123136926bff')).toBe(1507821032297);
    expect(new Date(legacyIdTime('15f1123136926bff')!).toISOString()).toBe('2017-10-12T15:10:32.297Z');
    expect(legacyIdTime('15F1123136926BFF')).toBe(1507821032297);
  });

  it.each([
    ['a small id (1970)', '1'],
    ['before 2000', 'd0000000000000'],
    ['after 2100', 'ffffffffffffffff'],
    ['not hex', 'msg-f:1581064946762017791'],
    ['empty', ''],
    ['absent', undefined],
  ])('claims no time for %s', (_, hex) => {
    expect(legacyIdTime(hex)).toBeUndefined();
  });
});

describe('observedMessages on the real fixtures', () => {
  it('English thread: sender, recipients, time and msg-f id of each message, in order', () => {
    const { messages } = shown('thread-view-en.html');
    expect(observedMessages(messages)).toEqual([
      // Each expanded body's first lines as plain text (the link's address is text, never markup).
      { from: ME, to: [ALICE, BOB], at: 1507821032297, id: 'msg-f:1581064946762017791', text: 'Hi both, here are the numbers. Questions to finance@example.com.' },
      { from: ALICE, to: [ME, BOB], at: 1507821330627, id: 'msg-f:1581065259584490785', text: 'Thanks! One question about Q3.' },
      // The inline reply's addresses below the body are not the message's recipients.
      { from: BOB, to: [ME, ALICE], at: 1507829867703, id: 'msg-f:1581074211357330005', text: 'Agreed, see you Thursday.' },
    ]);
  });

  it('German thread: a just-sent message has its client id and no time; addresses lower-cased', () => {
    const { messages } = shown('thread-view-de.html');
    const ICH = { email: 'ich@example.de', name: 'Ich Selbst' };
    const ANNA = { email: 'anna.mueller@example.de', name: 'Anna Müller' };
    expect(observedMessages(messages)).toEqual([
      { from: ICH, to: [ANNA], at: 1714434166362, id: 'msg-f:1797714520427640776', text: 'Hallo Anna, anbei das Angebot.' },
      { from: ANNA, to: [ICH], at: 1714436337530, id: 'msg-f:1797716797062429120', text: 'Danke, ich melde mich.' },
      { from: ICH, to: [ANNA, { email: 'einkauf@example.de' }], id: 'msg-a:r-4242424242424242424', text: 'Kurze Erinnerung an das Angebot.' },
    ]);
  });

  it('a message whose sender cannot be read: nothing at all (it could be the reply)', () => {
    const { messages } = shown('thread-view-en.html');
    expect(messages).toHaveLength(3);
    const noSender: ThreadMessage = { ...messages[2]!, from: undefined };
    expect(observedMessages([messages[0]!, messages[1]!, noSender])).toBeUndefined();
  });

  it('the same from the DOM: a message without any address carrier', () => {
    load('thread-view-en.html');
    byId(document, ':m2').querySelectorAll('[email]').forEach((e) => {
      e.removeAttribute('email');
      e.removeAttribute('data-hovercard-id');
    });
    const messages = threadMessages(document, visibleThread(document)!);
    expect(messages[1]!.from).toBeUndefined();
    expect(observedMessages(messages)).toBeUndefined();
  });

  it('no messages: nothing to say', () => {
    expect(observedMessages([])).toBeUndefined();
  });

  it('more than the request takes: the newest 500', () => {
    const many: ThreadMessage[] = Array.from({ length: 520 }, (_, i) => ({ messageId: `msg-f:${i + 1}`, from: ALICE, recipients: [ME] }));
    const out = observedMessages(many)!;
    expect(out).toHaveLength(500);
    expect(out[0]!.id).toBe('msg-f:21');
    expect(out.at(-1)!.id).toBe('msg-f:520');
  });
});

describe('createThreadObserver', () => {
  it('sends a valid thread.observed once per distinct message set', async () => {
    const fake = fakeDeps();
    const observe = createThreadObserver(fake.deps);
    const { thread, messages } = shown('thread-view-en.html');
    expect(await observe('me@example.com', thread, messages)).toEqual([]);
    await observe('me@example.com', thread, messages);
    expect(fake.of('thread.observed')).toEqual([
      { account: 'me@example.com', threadId: '15f1123136926bff', permThreadId: 'thread-f:1581064946762017791', messages: observedMessages(messages) },
    ]);
    // One message more (or fewer) is another set.
    await observe('me@example.com', thread, messages.slice(0, 2));
    expect(fake.of('thread.observed')).toHaveLength(2);
    expect(fake.invalid).toEqual([]);
  });

  it('hands back what the background resolved', async () => {
    const replied = fakeReminder({ id: 'rem-7', status: 'replied' });
    const fake = fakeDeps({ handlers: { 'thread.observed': () => ({ resolved: [replied] }) } });
    const { thread, messages } = shown('thread-view-de.html');
    expect(await createThreadObserver(fake.deps)('ich@example.de', thread, messages)).toEqual([replied]);
    expect(fake.of('thread.observed')[0]).toMatchObject({ account: 'ich@example.de', threadId: '18f2c3d4e5a6b7c8' });
    expect(fake.invalid).toEqual([]);
  });

  it('a failed request is swallowed and not remembered: the same set is tried again', async () => {
    let fail = true;
    const fake = fakeDeps({
      handlers: {
        'thread.observed': () => {
          if (fail) throw new Error('worker restarting');
          return { resolved: [] };
        },
      },
    });
    const observe = createThreadObserver(fake.deps);
    const { thread, messages } = shown('thread-view-en.html');
    await expect(observe('me@example.com', thread, messages)).resolves.toEqual([]);
    expect(fake.warnings).toContain('thread observation failed');
    fail = false;
    await observe('me@example.com', thread, messages);
    await observe('me@example.com', thread, messages);
    expect(fake.of('thread.observed')).toHaveLength(2);
  });

  it('sends nothing when a sender is unreadable', async () => {
    const fake = fakeDeps();
    const { thread, messages } = shown('thread-view-en.html');
    await createThreadObserver(fake.deps)('me@example.com', thread, [...messages, { recipients: [ME], messageId: 'msg-f:1' }]);
    expect(fake.calls).toEqual([]);
  });
});

describe('observedMessages: bodies (issue 9)', () => {
  it('sends the first lines of expanded bodies and marks collapsed messages; the out-of-office one is judged automatic', async () => {
    const { messages } = shown('thread-view-auto.html');
    const observed = observedMessages(messages)!;
    expect(observed.map((m) => [m.from.email, m.bodyHidden, m.text?.split('\n')[0]])).toEqual([
      ['me@example.com', true, undefined],
      ['alice@example.com', undefined, 'Thank you for your email.'],
      ['bob@example.com', undefined, 'Back early. The numbers look right, thanks!'],
    ]);
    const { judgeReplies } = await import('../../../src/core/replies/judge');
    const verdict = judgeReplies(observed, { sentAt: observed[0]!.at!, id: observed[0]!.id! }, { ownAddresses: ['me@example.com'], plusAddressing: false, autoRepliesCount: false, ignoredIds: [] });
    expect(verdict.notes.map((n) => n.reason)).toEqual(['own', 'auto-reply', 'reply']);
    expect(verdict).toMatchObject({ kind: 'replied', by: { email: 'bob@example.com' } });
  });
});
