import { describe, expect, it } from 'vitest';
import { threadUrl } from '../../../src/core/gmail-links';
import { thread } from './fixtures';

const BASE = 'https://mail.google.com/mail/';
const link = (account: string, over: Parameters<typeof thread>[0]) => threadUrl({ account, thread: thread(over) });

describe('threadUrl', () => {
  it('opens the hex thread id in the account named by authuser', () => {
    expect(link('me@example.com', {})).toBe(`${BASE}?authuser=me%40example.com#all/15f1123136926bff`);
  });

  it('never uses the unstable /u/N account index', () => {
    for (const url of [
      link('me@example.com', {}),
      link('me@example.com', { threadId: undefined, permThreadId: 'thread-f:1581064946762017791' }),
      link('me@example.com', { threadId: undefined, messageId: '<a@b>' }),
      link('me@example.com', { threadId: undefined }),
    ]) {
      expect(url).not.toMatch(/\/u\/\d/);
      expect(new URL(url).searchParams.get('authuser')).toBe('me@example.com');
    }
  });

  it('lower-cases an upper-case hex id', () => {
    expect(link('me@example.com', { threadId: '15F1123136926BFF' })).toMatch(/#all\/15f1123136926bff$/);
  });

  it('prefers the hex id over the perm id and the Message-ID', () => {
    expect(link('me@example.com', { threadId: 'abc', permThreadId: 'thread-f:1581064946762017791', messageId: '<a@b>' })).toMatch(
      /#all\/abc$/,
    );
  });

  it('derives the hex id from the perm id', () => {
    expect(link('me@example.com', { threadId: undefined, permThreadId: 'thread-f:1581064946762017791' })).toBe(
      `${BASE}?authuser=me%40example.com#all/15f1123136926bff`,
    );
  });

  it('treats an empty hex id as missing, like the thread key does', () => {
    expect(link('me@example.com', { threadId: '', permThreadId: 'thread-f:1581064946762017791' })).toMatch(
      /#all\/15f1123136926bff$/,
    );
  });

  it('falls back to an encoded rfc822msgid search', () => {
    const url = link('me@example.com', { threadId: undefined, messageId: '<CAF+x=1/y@mail.gmail.com>' });
    expect(url).toBe(`${BASE}?authuser=me%40example.com#search/rfc822msgid%3A%3CCAF%2Bx%3D1%2Fy%40mail.gmail.com%3E`);
    const fragment = new URL(url).hash.slice('#search/'.length);
    expect(decodeURIComponent(fragment)).toBe('rfc822msgid:<CAF+x=1/y@mail.gmail.com>');
  });

  it('uses the Message-ID when the perm id does not convert', () => {
    expect(link('me@example.com', { threadId: undefined, permThreadId: 'thread-f:0', messageId: '<a@b>' })).toMatch(
      /#search\/rfc822msgid%3A%3Ca%40b%3E$/,
    );
  });

  it('opens the inbox of the account when nothing identifies the thread', () => {
    expect(link('me@example.com', { threadId: undefined })).toBe(`${BASE}?authuser=me%40example.com#inbox`);
  });

  it('encodes "+" and other specials in the address so the query keeps them', () => {
    const url = link('me+work&x=1@example.com', {});
    expect(url).toBe(`${BASE}?authuser=me%2Bwork%26x%3D1%40example.com#all/15f1123136926bff`);
    const parsed = new URL(url);
    expect(parsed.searchParams.get('authuser')).toBe('me+work&x=1@example.com');
    expect([...parsed.searchParams.keys()]).toEqual(['authuser']);
    expect(parsed.origin).toBe('https://mail.google.com');
    expect(parsed.pathname).toBe('/mail/');
  });

  it('keeps a hostile Message-ID inside the fragment', () => {
    const url = link('me@example.com', { threadId: undefined, messageId: '<a#b?c&authuser=evil@x>' });
    const parsed = new URL(url);
    expect(parsed.searchParams.get('authuser')).toBe('me@example.com');
    expect(parsed.hash.startsWith('#search/rfc822msgid%3A')).toBe(true);
    expect(parsed.hash.slice(1)).not.toMatch(/[#?&<>]/);
  });
});
