// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { byId, fixtureText, load } from '../gmail-dom/dom';
import { createAccountSource } from '../../../src/content/controller/account';
import { startGmailIntegration } from '../../../src/content/controller/page';
import { armCommand, showThreadCommand, whoAmICommand } from '../../../src/core/protocol/content-commands';
import type { Settings } from '../../../src/core/settings';
import {
  buttonText,
  controls,
  deliverAccount,
  expectToast,
  fakeDeps,
  fakeReminder,
  NOW,
  plain,
  setPageUrl,
  settle,
  toastText,
  type Fake,
  type Handlers,
} from './harness';

let stop: (() => void) | undefined;
let command: ((message: unknown) => unknown) | undefined;

beforeEach(() => setPageUrl());
afterEach(() => {
  stop?.();
  stop = undefined;
  command = undefined;
});

async function start(prepare: () => void, opts: { settings?: Partial<Settings>; handlers?: Handlers } = {}): Promise<Fake> {
  prepare();
  const fake = fakeDeps({ settings: { defaultPreset: 'in-1-week', ...opts.settings }, handlers: opts.handlers });
  stop = startGmailIntegration(fake.deps, (fn) => (command = fn));
  await settle();
  return fake;
}

/** The thread page without its inline reply: a thread open, no compose. */
function threadWithoutCompose(): void {
  load('thread-view-en.html');
  byId(document, ':reply-area').remove();
}

/** Two compose windows: the real English one and the German one. */
function twoComposes(): void {
  load('compose-dialog.html');
  const de = new DOMParser().parseFromString(fixtureText('compose-new-de.html'), 'text/html');
  const dialog = de.querySelector('[role=dialog]')!;
  dialog.setAttribute('id', 'de-dialog');
  document.body.append(document.importNode(dialog, true));
}

const composeButtonText = (dialog: Element) => plain(controls(dialog)[0]?.shadowRoot?.querySelector('button.btn')?.textContent);

describe('keyboard command (content.arm)', () => {
  it('arms the only open compose with the default preset and says so', async () => {
    const fake = await start(() => load('compose-dialog.html'));
    expect(buttonText()).toBe('remindButton');
    command!(armCommand());
    await settle();
    expect(buttonText()).toBe('armedButton[P:in-1-week]');
    expect(fake.of('due.preview')).toContainEqual({ preset: 'in-1-week' });
    await expectToast('toastArmed[P:in-1-week]');
    expect(fake.of('reminder.create')).toEqual([]);
  });

  it('with two composes: arms the one holding the focus, only that one', async () => {
    await start(twoComposes);
    const [en, de] = [document.querySelector('[role=dialog]')!, byId(document, 'de-dialog')];
    expect(controls()).toHaveLength(2);
    (de.querySelector('input[name=subjectbox]') as HTMLInputElement).focus();
    expect(de.contains(document.activeElement)).toBe(true);
    command!(armCommand());
    await settle();
    expect(composeButtonText(de)).toBe('armedButton[P:in-1-week]');
    expect(composeButtonText(en)).toBe('remindButton');
  });

  it('with two composes and the focus in neither: arms nothing', async () => {
    const fake = await start(twoComposes);
    (document.activeElement as HTMLElement | null)?.blur?.();
    command!(armCommand());
    await settle();
    await new Promise((r) => setTimeout(r, 80));
    for (const dialog of document.querySelectorAll('[role=dialog]')) expect(composeButtonText(dialog)).toBe('remindButton');
    expect(toastText()).toBeUndefined();
    expect(fake.of('reminder.create')).toEqual([]);
  });

  it('no compose, an open received thread without reminder: arms "remind me to reply" with the default preset', async () => {
    const fake = await start(threadWithoutCompose);
    expect(controls()).toHaveLength(1);
    command!(armCommand());
    await settle();
    expect(fake.of('reminder.create')).toEqual([
      {
        id: 'id-1',
        account: 'me@example.com',
        kind: 'owed-reply',
        thread: {
          provider: 'gmail',
          threadId: '15f1123136926bff',
          permThreadId: 'thread-f:1581064946762017791',
          subject: 'Quarterly numbers',
          // Bob wrote last: he is owed the reply; Alice was on his message.
          recipients: [
            { email: 'bob@example.com', name: 'Bob Builder' },
            { email: 'alice@example.com', name: 'Alice Example' },
          ],
        },
        // When Bob's message came (its legacy id 15f11a9e4b7c0a55), not when the user pressed the keys.
        sentAt: 1507829867703,
        due: { preset: 'in-1-week' },
      },
    ]);
    await expectToast('toastOwedSet[P:in-1-week]');
  });

  it('an open thread that has a reminder already: nothing new', async () => {
    const fake = await start(threadWithoutCompose, {
      handlers: { 'reminder.getByThread': () => ({ reminder: fakeReminder({ id: 'rem-3' }) }) },
    });
    command!(armCommand());
    await settle();
    expect(fake.of('reminder.create')).toEqual([]);
  });

  it('a compose (inline reply) wins over the thread it is in', async () => {
    const fake = await start(() => load('thread-view-en.html'));
    command!(armCommand());
    await settle();
    expect(composeButtonText(byId(document, ':inline-compose'))).toBe('armedButton[P:in-1-week]');
    expect(fake.of('reminder.create')).toEqual([]);
  });

  it.each<[string, unknown]>([
    ['another type', { v: 1, type: 'content.disarm' }],
    ['another version', { v: 2, type: 'content.arm' }],
    ['an extra key', { v: 1, type: 'content.arm', preset: 'tomorrow' }],
    ['the bare name', 'content.arm'],
    ['the background command name', 'arm-reminder'],
    ['null', null],
    ['an array', [1, 'content.arm']],
  ])('ignores %s', async (_, message) => {
    const fake = await start(() => load('compose-dialog.html'));
    const before = fake.calls.length;
    command!(message);
    await settle();
    expect(fake.calls.slice(before)).toEqual([]);
    expect(buttonText()).toBe('remindButton');
  });

  it('a failing settings read is logged once, never thrown', async () => {
    const fake = await start(() => load('compose-dialog.html'), {
      handlers: {
        'settings.get': () => {
          throw new Error('no background');
        },
      },
    });
    expect(() => command!(armCommand())).not.toThrow();
    await settle();
    expect(fake.warnings).toContain('keyboard command failed');
    expect(buttonText()).toBe('remindButton');
  });
});

describe('account', () => {
  it('the title gives the account until the page tells it, then the page wins', () => {
    load('thread-view-en.html');
    const accounts = createAccountSource(document);
    expect(accounts.current()).toBe('me@example.com');
    accounts.setFromPage('work@example.org');
    expect(accounts.current()).toBe('work@example.org');
    document.title = 'Inbox - other@example.net - Gmail';
    expect(accounts.current()).toBe('work@example.org');
  });

  it('no page info and no address in the title: undefined', () => {
    load('compose-dialog.html');
    expect(createAccountSource(document).current()).toBeUndefined();
    document.title = 'Posteingang (3) - ich@example.de - Gmail';
    expect(createAccountSource(document).current()).toBe('ich@example.de');
  });

  it('through the bridge: the page-info account is used for what is stored, over the title', async () => {
    const fake = await start(threadWithoutCompose);
    expect(fake.of('reminder.getByThread')[0]!.account).toBe('me@example.com');
    deliverAccount('Work@Example.ORG');
    command!(armCommand());
    await settle();
    expect(fake.of('reminder.create').map((c) => c.account)).toEqual(['work@example.org']);
  });
});

describe('open thread in this tab (content.whoami, content.showThread)', () => {
  it('says which account it shows, and shows a thread of that account by its hash (no reload)', async () => {
    await start(() => load('thread-view-en.html'));
    deliverAccount('Me@Example.com');
    await settle();
    expect(command!(whoAmICommand())).toEqual({ account: 'me@example.com' });
    expect(command!(showThreadCommand('me@example.com', '#all/18e00000000000a1'))).toEqual({ shown: true });
    expect(location.hash).toBe('#all/18e00000000000a1');
  });

  it('a thread of another account, or a hash that is not a thread, changes nothing', async () => {
    await start(() => load('thread-view-en.html'));
    deliverAccount('me@example.com');
    await settle();
    const before = location.hash;
    expect(command!(showThreadCommand('other@example.com', '#all/18e00000000000a1'))).toEqual({ shown: false });
    expect(command!({ ...showThreadCommand('me@example.com', '#all/1'), hash: 'javascript:alert(1)' })).toBeUndefined();
    expect(command!({ ...showThreadCommand('me@example.com', '#all/1'), extra: 1 })).toBeUndefined();
    expect(location.hash).toBe(before);
  });
});
