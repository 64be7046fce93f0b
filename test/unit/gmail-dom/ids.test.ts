import { describe, expect, it } from 'vitest';
import { clientMessageId, clientThreadId, hexId, hexToPermId, jslogIds, messageId, threadIds } from '../../../src/content/gmail/ids';
import { dedupeAddresses } from '../../../src/core/address-list';
import { parseAddress, parseAddressList } from '../../../src/content/gmail/addresses';

// The jslog of the real 2020 compose root (compose-dialog.html).
const REAL_JSLOG =
  '77394; u014N:xr6bB; dYFj7e:true; 11:WyIjbXNnLWE6ci03NjczNjYwMzUxMTUyOTU5ODU3IixudWxsLG51bGwsbnVsbCwxLG51bGwsWyIjdGhyZWFkLWE6ci03NjgxOTIyNzcxNTMxMzQ3NzkzIl0sZmFsc2Vd';

describe('ids', () => {
  it('thread ids: the documented pair agrees; one is derived from the other', () => {
    expect(threadIds('15f1123136926bff', 'thread-f:1581064946762017791')).toEqual({
      threadId: '15f1123136926bff',
      permThreadId: 'thread-f:1581064946762017791',
    });
    expect(threadIds('15F1123136926BFF', 'undefined')).toEqual({ threadId: '15f1123136926bff', permThreadId: 'thread-f:1581064946762017791' });
    expect(threadIds(null, '#thread-f:1581064946762017791')).toEqual({ threadId: '15f1123136926bff', permThreadId: 'thread-f:1581064946762017791' });
    expect(threadIds('0', 'undefined')).toEqual({});
    expect(threadIds('', '')).toEqual({});
  });

  it('hex ids', () => {
    expect(hexId('0015f1')).toBe('15f1');
    expect(hexId('15f1123136926bff0')).toBeUndefined(); // 17 digits
    expect(hexId('xyz')).toBeUndefined();
    expect(hexToPermId('15f1123136926bff')).toBe('thread-f:1581064946762017791');
  });

  it('message and client ids', () => {
    expect(messageId('#msg-f:1581064946762017791')).toBe('msg-f:1581064946762017791');
    expect(messageId('#msg-a:r-4242424242424242424')).toBe('msg-a:r-4242424242424242424');
    expect(messageId('#msg-a:r8190137112111191537')).toBe('msg-a:r8190137112111191537');
    expect(messageId('msg-f:abc')).toBeUndefined();
    expect(clientMessageId('#msg-f:1')).toBeUndefined();
    expect(clientThreadId('#thread-a:r-7681922771531347793')).toBe('thread-a:r-7681922771531347793');
    expect(clientThreadId('#thread-f:1')).toBeUndefined();
  });

  it('jslog: the real compose root', () => {
    expect(jslogIds(REAL_JSLOG)).toEqual({ messageId: 'msg-a:r-7673660351152959857', threadId: 'thread-a:r-7681922771531347793' });
  });

  it('jslog: absent, not base64, not JSON, too long → nothing', () => {
    expect(jslogIds(null)).toEqual({});
    expect(jslogIds('77394; u014N:xr6bB')).toEqual({});
    expect(jslogIds('11:%%%')).toEqual({});
    expect(jslogIds(`11:${btoa('not json')}`)).toEqual({});
    expect(jslogIds(`11:${'A'.repeat(5000)}`)).toEqual({});
  });
});

describe('addresses', () => {
  it.each([
    ['Anna Müller <anna.mueller@example.de>', { email: 'anna.mueller@example.de', name: 'Anna Müller' }],
    ['"Alice Example" <Alice@Example.com>', { email: 'alice@example.com', name: 'Alice Example' }],
    ['Bob+Projekt@Example.com', { email: 'bob+projekt@example.com' }],
    ['<x@example.com>', { email: 'x@example.com' }],
    ['x@example.com <x@example.com>', { email: 'x@example.com' }],
  ])('%s', (text, address) => {
    expect(parseAddress(text)).toEqual(address);
  });

  it.each([['kein gültiger Empfänger'], ['Name <not-an-address>'], ['a@b'], ['']])('not an address: %j', (text) => {
    expect(parseAddress(text)).toBeUndefined();
  });

  it('lists split outside quotes and angle brackets only', () => {
    expect(parseAddressList('"Doe, John" <j@example.com>, k@example.com; <l@example.com>')).toEqual([
      { email: 'j@example.com', name: 'Doe, John' },
      { email: 'k@example.com' },
      { email: 'l@example.com' },
    ]);
  });

  it('dedupe keeps the first place and fills a missing name', () => {
    expect(dedupeAddresses([{ email: 'a@x.com' }, { email: 'b@x.com' }, { email: 'a@x.com', name: 'A' }])).toEqual([
      { email: 'a@x.com', name: 'A' },
      { email: 'b@x.com' },
    ]);
  });
});
