import { describe, expect, it } from 'vitest';
import { opensCompose } from '../../../src/content/gmail/compose-url';

const G = 'https://mail.google.com/mail/u/0/';

describe('opensCompose: Gmail addresses whose page opens a compose as it loads', () => {
  it.each([
    ['a compose window (compose links, pop-out)', `${G}?view=cm&fs=1&to=bob@example.com&su=Quote`],
    ['a compose window without an account index', 'https://mail.google.com/mail/?view=cm&fs=1&tf=1&to=bob@example.com'],
    ['the older compose spelling', 'https://mail.google.com/mail/?tf=cm&to=bob@example.com'],
    ['the mailto hand-over', 'https://mail.google.com/mail/?extsrc=mailto&url=mailto%3Abob%40example.com'],
    ['a new compose kept in the hash', `${G}#inbox?compose=new`],
    ['a draft compose kept in the hash (reload, restored tab)', `${G}#inbox?compose=CllgCJZcRmzqXlBtWWTkSbRkBwLMWZb`],
    ['several composes in the hash of a search', `${G}#search/quote?compose=CllgCJZc%2CCllgCJvq`],
    ['the view in capitals', `${G}?view=CM`],
  ])('%s', (_what, href) => {
    expect(opensCompose(href)).toBe(true);
  });

  it.each([
    ['the inbox', `${G}#inbox`],
    ['an open thread', `${G}#inbox/FMfcgzQbdrTxPqVWjwLmKBsBFtRzKxkQ`],
    ['a print view', `${G}?ik=1a2b3c&view=pt&search=all&permthid=thread-f:1`],
    ['an empty compose parameter', `${G}#inbox?compose=`],
    ['"compose" only as a label name', `${G}#label/compose`],
    ['not an address', 'not a url'],
  ])('not %s', (_what, href) => {
    expect(opensCompose(href)).toBe(false);
  });
});
