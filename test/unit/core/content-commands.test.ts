import { describe, expect, it } from 'vitest';
import { isShowThreadCommand, isWhoAmICommand, showThreadCommand, whoAmICommand } from '../../../src/core/protocol/content-commands';
import { threadHash } from '../../../src/core/gmail-links';

const thread = (over: object) => ({ thread: { provider: 'gmail' as const, subject: 's', recipients: [], ...over } });

describe('messages to a Gmail tab: whoami and showThread', () => {
  it('accepts what the background builds, for every form of thread hash', () => {
    expect(isWhoAmICommand(whoAmICommand())).toBe(true);
    for (const hash of [
      threadHash(thread({ threadId: '18E00000000000A1' })),
      threadHash(thread({ permThreadId: 'thread-f:1581064946762017791' })),
      threadHash(thread({ messageId: "<CAF+x_5'(weird)!~*@mail.gmail.com>" })),
      threadHash(thread({})),
    ]) {
      expect(isShowThreadCommand(showThreadCommand('me@example.com', hash)), hash).toBe(true);
    }
  });

  it.each([
    ['a script URL', { v: 1, type: 'content.showThread', account: 'me@example.com', hash: 'javascript:alert(1)' }],
    ['another place in Gmail', { v: 1, type: 'content.showThread', account: 'me@example.com', hash: '#settings/general' }],
    ['an extra key', { ...showThreadCommand('me@example.com', '#all/1'), url: 'https://evil.example' }],
    ['no account', { v: 1, type: 'content.showThread', account: '', hash: '#all/1' }],
    ['another version', { v: 2, type: 'content.showThread', account: 'me@example.com', hash: '#all/1' }],
    ['a hash with a space', { v: 1, type: 'content.showThread', account: 'me@example.com', hash: '#search/a b' }],
  ])('refuses %s', (_label, message) => {
    expect(isShowThreadCommand(message)).toBe(false);
  });

  it('whoami has exactly its two keys', () => {
    expect(isWhoAmICommand({ ...whoAmICommand(), account: 'x' })).toBe(false);
    expect(isWhoAmICommand(null)).toBe(false);
    expect(isWhoAmICommand([])).toBe(false);
  });
});
