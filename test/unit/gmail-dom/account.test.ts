import { describe, expect, it } from 'vitest';
import { accountFromTitle } from '../../../src/content/gmail/account';
import { fixtureText } from './dom';

const titleOf = (fixture: string) => /<title>([^<]*)<\/title>/.exec(fixtureText(fixture))?.[1] ?? '';

describe('accountFromTitle', () => {
  it('reads the titles of the fixtures (EN inbox, EN thread, DE thread)', () => {
    expect(accountFromTitle(titleOf('sent-toast.html'))).toBe('me@example.com');
    expect(accountFromTitle(titleOf('thread-view-en.html'))).toBe('me@example.com');
    expect(accountFromTitle(titleOf('thread-view-de.html'))).toBe('ich@example.de');
  });

  it.each([
    ['Inbox (3) - me@example.com - Gmail', 'me@example.com'],
    ['Posteingang (3) - Ich.Selbst@Example.DE - Gmail', 'ich.selbst@example.de'],
    ['Inbox (3) – me@example.com – Gmail', 'me@example.com'],
    ['Boîte de réception — me@example.fr — Gmail', 'me@example.fr'],
    ['Re: ask bob@other.com - me@example.com - Gmail', 'me@example.com'],
    ['Re: a - b - c - me@example.com - Google Mail', 'me@example.com'],
    ['Inbox - \u202ame@example.com\u202c - Gmail', 'me@example.com'],
  ])('%s → %s', (title, email) => {
    expect(accountFromTitle(title)).toBe(email);
  });

  it.each([
    ['Gmail'],
    [''],
    ['Inbox (3) - Gmail'],
    ['Mail from bob@other.com - Gmail - something'],
    ['Inbox - not an email - Gmail'],
    ['Inbox - <script>@x - Gmail'],
    ['x'.repeat(10_000) + ' - me@example.com - Gmail'],
  ])('no plausible account in %j', (title) => {
    expect(accountFromTitle(title)).toBeUndefined();
  });

  it('never throws on a non-string', () => {
    expect(accountFromTitle(undefined as unknown as string)).toBeUndefined();
    expect(accountFromTitle({} as unknown as string)).toBeUndefined();
  });
});

