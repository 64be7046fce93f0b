import { describe, expect, it } from 'vitest';
import { localPart, normaliseAddress, ownAddressMatcher } from '../../../src/core/replies/addresses';
import type { ReplyRules } from '../../../src/core/replies/types';

const isOwnAddress = (email: string, rules: Pick<ReplyRules, 'ownAddresses' | 'plusAddressing'>) => ownAddressMatcher(rules)(email);

describe('normaliseAddress', () => {
  it.each([
    ['  Bob@Acme.COM ', 'bob@acme.com'],
    ['Bob Baker <Bob@Acme.com>', 'bob@acme.com'],
    ['"Baker, Bob" <bob@acme.com>', 'bob@acme.com'],
    ['"bob@evil.com" <bob@acme.com>', 'bob@acme.com'],
    ['<bob@acme.com>', 'bob@acme.com'],
    ['mailto:bob@acme.com', 'bob@acme.com'],
    ['bob@acme.com (Bob Baker)', 'bob@acme.com'],
    ['Bob Baker bob@acme.com', 'bob@acme.com'],
    ['bob@acme.com.', 'bob@acme.com'],
    ["'bob@acme.com'", 'bob@acme.com'],
    ['no-at-sign', 'no-at-sign'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normaliseAddress(input, false)).toBe(expected);
  });

  it('removes a +tag only when plus-addressing is on', () => {
    expect(normaliseAddress('Me+Newsletter@Example.com', false)).toBe('me+newsletter@example.com');
    expect(normaliseAddress('Me+Newsletter@Example.com', true)).toBe('me@example.com');
    expect(normaliseAddress('me+a+b@example.com', true)).toBe('me@example.com');
    // a local part that starts with '+' keeps it: there is nothing before the tag
    expect(normaliseAddress('+tag@example.com', true)).toBe('+tag@example.com');
  });

  it('treats googlemail.com as gmail.com and ignores dots in gmail local parts', () => {
    expect(normaliseAddress('J.Doe@googlemail.com', false)).toBe('jdoe@gmail.com');
    expect(normaliseAddress('j.d.o.e@gmail.com', false)).toBe('jdoe@gmail.com');
    expect(normaliseAddress('j.doe+x@gmail.com', true)).toBe('jdoe@gmail.com');
    expect(normaliseAddress('j.doe+x@gmail.com', false)).toBe('jdoe+x@gmail.com');
  });

  it('keeps dots everywhere else (Workspace and other providers treat them as significant)', () => {
    expect(normaliseAddress('j.doe@example.com', false)).toBe('j.doe@example.com');
    expect(normaliseAddress('j.doe@company.google.com', false)).toBe('j.doe@company.google.com');
  });
});

describe('isOwnAddress', () => {
  const own = { ownAddresses: ['Me@Example.com', 'Me Myself <alias@Work.org>', 'jane.doe@gmail.com'], plusAddressing: false };

  it.each([
    ['me@example.com', true],
    ['ME@EXAMPLE.COM', true],
    ['Me Myself <me@example.com>', true],
    ['alias@work.org', true],
    ['"Someone Else" <ALIAS@WORK.ORG>', true],
    ['janedoe@googlemail.com', true],
    ['J.A.N.E.D.O.E@gmail.com', true],
    ['me+tag@example.com', false],
    ['me@example.org', false],
    ['someone.me@example.com', false],
    ['bob@acme.com', false],
    ['', false],
    ['Me Myself', false],
  ])('%j → %s', (email, expected) => {
    expect(isOwnAddress(email, own)).toBe(expected);
  });

  it('matches plus-addressed forms of own addresses only when asked', () => {
    expect(isOwnAddress('me+receipts@example.com', { ...own, plusAddressing: true })).toBe(true);
    expect(isOwnAddress('jane.doe+x@gmail.com', { ...own, plusAddressing: true })).toBe(true);
    expect(isOwnAddress('me+receipts@example.com', own)).toBe(false);
    // a listed plus address is itself own, and (with the option) stands for the base address too
    expect(isOwnAddress('me+work@example.com', { ownAddresses: ['me+work@example.com'], plusAddressing: false })).toBe(true);
    expect(isOwnAddress('me@example.com', { ownAddresses: ['me+work@example.com'], plusAddressing: false })).toBe(false);
    expect(isOwnAddress('me@example.com', { ownAddresses: ['me+work@example.com'], plusAddressing: true })).toBe(true);
  });

  it('ignores garbage in the own list instead of matching everything', () => {
    expect(isOwnAddress('', { ownAddresses: ['', '  ', '@'], plusAddressing: false })).toBe(false);
    expect(isOwnAddress('@', { ownAddresses: ['@'], plusAddressing: false })).toBe(false);
    expect(isOwnAddress('bob@acme.com', { ownAddresses: [], plusAddressing: true })).toBe(false);
  });
});

describe('localPart', () => {
  it('is the lower-cased local part as written', () => {
    expect(localPart('Mail Delivery Subsystem <MAILER-DAEMON@googlemail.com>')).toBe('mailer-daemon');
    expect(localPart('post.master@gmail.com')).toBe('post.master');
    expect(localPart('nobody')).toBe('');
  });
});
