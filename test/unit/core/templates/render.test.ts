import { describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATES, followUpLocale, renderFollowUp, templateContext, templatesFor, type CustomTemplate } from '../../../../src/core/templates';
import { defaultSettings, type Settings } from '../../../../src/core/settings';
import type { Address } from '../../../../src/core/reminder';
import { DAY, reminder, thread } from '../fixtures';

/** Thursday 2026-12-03 09:30 in Berlin; "now" is the Monday after. */
const SENT = Date.UTC(2026, 11, 3, 8, 30);
const NOW = Date.UTC(2026, 11, 7, 9, 0);

const settings = (over: Partial<Settings['templates']> = {}): Settings => {
  const s = defaultSettings('Europe/Berlin');
  return { ...s, templates: { ...s.templates, ...over } };
};
const to = (recipients: Address[], subject = 'Quote request') => reminder({ sentAt: SENT, thread: thread({ recipients, subject }) });
const jane = { email: 'jane@example.com', name: 'Jane Doe' };
const bob = { email: 'bob@example.org', name: 'Bob Smith' };

const render = (r = to([jane]), s = settings(), opts: Partial<Parameters<typeof renderFollowUp>[2]> = {}) =>
  renderFollowUp(r, s, { locale: 'en', now: NOW, ...opts });

describe('renderFollowUp: the built-in nudges', () => {
  it('English friendly by default: first name, the send date in the user zone, the user name signs', () => {
    const { text, templateId } = render(to([jane]), settings({ myName: 'Max Muster' }));
    expect(templateId).toBe('builtin:en:friendly');
    expect(text).toBe(
      'Hi Jane,\n\nI hope you are well. I wanted to follow up on my email from December 3 — have you had a chance to look at it? Happy to help if anything is unclear.\n\nBest regards,\nMax Muster',
    );
  });

  it('German defaults to Sie: full name in the greeting, Ihnen, no comma after the sign-off', () => {
    const { text, templateId } = render(to([jane]), settings({ myName: 'Max Muster' }), { locale: 'de' });
    expect(templateId).toBe('builtin:de-sie:friendly');
    expect(text).toBe(
      'Guten Tag Jane Doe,\n\nich hoffe, es geht Ihnen gut. Ich möchte freundlich an meine E-Mail vom 3. Dezember erinnern – hatten Sie schon Gelegenheit, sie sich anzusehen? Wenn etwas unklar ist, helfe ich Ihnen gern weiter.\n\nBeste Grüße\nMax Muster',
    );
  });

  it('German du: first name, dir — and euch when it goes to several people', () => {
    const du = settings({ germanAddress: 'du' });
    const one = render(to([jane]), du, { locale: 'de' });
    expect(one.templateId).toBe('builtin:de-du:friendly');
    expect(one.text).toMatch(/^Hallo Jane,\n\nich hoffe, dir geht es gut\./);
    const two = render(to([jane, bob]), du, { locale: 'de' });
    expect(two.text).toMatch(/^Hallo Jane und Bob,\n\nich hoffe, euch geht es gut\. .*hattet ihr schon Gelegenheit, sie euch anzusehen\?/);
    expect(two.text).not.toMatch(/\b(dir|du|dich|dein\w*)\b/);
  });

  it('every German Sie template speaks in Sie only, every du template in du only', () => {
    const du = /\b(du|dir|dich|dein\w*|hast|bist|hattest|gib|euch|ihr|hattet|gebt)\b/;
    const sie = /\b(Sie|Ihnen|Ihre[mnrs]?)\b/;
    for (const t of BUILT_IN_TEMPLATES.filter((x) => x.locale === 'de')) {
      if (t.address === 'sie') {
        expect(t.body, t.id).toMatch(sie);
        expect(t.body, t.id).not.toMatch(du);
      } else {
        expect(t.body, t.id).not.toMatch(sie);
        expect(t.body, t.id).toMatch(/\b(du|dir|gib)\b/i);
        expect(t.groupBody, t.id).toMatch(/\b(ihr|euch|gebt)\b/i);
        expect(t.groupBody, t.id).not.toMatch(/\b(du|dir|dich|dein\w*|gib|hattest|hast)\b/i);
      }
    }
  });

  it('has short, friendly and firm in English, and in German each in Sie and du', () => {
    const keys = BUILT_IN_TEMPLATES.map((t) => `${t.locale}${t.address ? `-${t.address}` : ''}:${t.tone}`).sort();
    expect(keys).toEqual(['de-du:firm', 'de-du:friendly', 'de-du:short', 'de-sie:firm', 'de-sie:friendly', 'de-sie:short', 'en:firm', 'en:friendly', 'en:short']);
    expect(new Set(BUILT_IN_TEMPLATES.map((t) => t.id)).size).toBe(BUILT_IN_TEMPLATES.length);
  });

  it('a template asked for by id wins; the selected one follows the German form of address', () => {
    expect(render(to([jane]), settings(), { templateId: 'builtin:en:firm' }).text).toMatch(/^Hi Jane,\n\nI am following up again/);
    const s = settings({ germanAddress: 'du', selected: { en: 'builtin:en:short', de: 'builtin:de-sie:firm' } });
    expect(render(to([jane]), s, { locale: 'de' }).templateId).toBe('builtin:de-du:firm');
    expect(render(to([jane]), s).templateId).toBe('builtin:en:short');
  });

  it('a selected template that no longer exists falls back to the friendly built-in', () => {
    expect(render(to([jane]), settings({ selected: { en: 'custom:gone', de: 'custom:gone' } })).templateId).toBe('builtin:en:friendly');
    expect(render(to([jane]), settings(), { templateId: 'custom:gone' }).templateId).toBe('builtin:en:friendly');
  });
});

describe('renderFollowUp: missing and odd names', () => {
  const body = (r: ReturnType<typeof to>, locale: 'en' | 'de' = 'en', s = settings()) => render(r, s, { locale }).text;

  it('only an e-mail address: "Hi," and "Guten Tag," — never undefined, never a space before the comma', () => {
    const r = to([{ email: 'jane.doe@example.com' }]);
    expect(body(r)).toMatch(/^Hi,\n\n/);
    expect(body(r, 'de')).toMatch(/^Guten Tag,\n\n/);
    expect(body(to([{ email: 'x@y.z', name: 'x@y.z' }]))).toMatch(/^Hi,\n/);
    for (const text of [body(r), body(r, 'de')]) expect(text).not.toMatch(/undefined|null| ,|  /);
  });

  it('no name of my own: the sign-off line stays, the empty name line goes (Gmail adds the signature)', () => {
    const text = body(to([jane]));
    expect(text.endsWith('Best regards,')).toBe(true);
    expect(body(to([jane]), 'de').endsWith('Beste Grüße')).toBe(true);
  });

  it('my name from the settings wins over the account name; the account name is used when the settings have none', () => {
    expect(render(to([jane]), settings({ myName: 'Max' }), { myName: 'Maximilian M.' }).text.endsWith('\nMax')).toBe(true);
    expect(render(to([jane]), settings(), { myName: 'Maximilian M.' }).text.endsWith('\nMaximilian M.')).toBe(true);
    expect(render(to([jane]), settings({ myName: '   ' }), { myName: 'Maximilian M.' }).text.endsWith('\nMaximilian M.')).toBe(true);
  });

  it.each([
    ['Doe, Jane', 'Jane', 'Jane Doe'],
    ['Dr. Jane Doe', 'Jane', 'Dr. Jane Doe'],
    ['"Jane Doe"', 'Jane', 'Jane Doe'],
    ["'Jane Doe (ACME)'", 'Jane', 'Jane Doe'],
    ['Jane Doe via Sales', 'Jane', 'Jane Doe'],
    ['Prof. Dr. Hans-Peter Müller', 'Hans-Peter', 'Prof. Dr. Hans-Peter Müller'],
    ['Jane Doe, PhD', 'Jane', 'Jane Doe'],
    ['J. Doe', '', 'J. Doe'],
    ['Dr. Doe', '', 'Dr. Doe'],
    ['ACME Support', '', 'ACME Support'],
    ['Müller GmbH', '', 'Müller GmbH'],
    ['Jane', 'Jane', 'Jane'],
  ])('%s → first name %j, name %j', (name, first, full) => {
    const { values } = templateContext(to([{ email: 'jane@example.com', name }]), settings(), { locale: 'en', now: NOW });
    expect(values.firstName).toBe(first);
    expect(values.name).toBe(full);
  });

  it('several recipients: "Hi Jane and Bob," for two with names, "Hi all," / "Hallo zusammen," otherwise', () => {
    expect(body(to([jane, bob]))).toMatch(/^Hi Jane and Bob,\n/);
    expect(body(to([jane, bob]), 'de')).toMatch(/^Guten Tag Jane Doe und Bob Smith,\n/);
    expect(body(to([jane, { email: 'x@example.com' }]))).toMatch(/^Hi all,\n/);
    expect(body(to([jane, bob, { email: 'c@example.com', name: 'Cleo' }]))).toMatch(/^Hi all,\n/);
    expect(body(to([jane, bob, { email: 'c@example.com' }]), 'de', settings({ germanAddress: 'du' }))).toMatch(/^Hallo zusammen,\n\nich hoffe, euch/);
  });

  it('two addresses of one person are greeted once ("all" rather than "Jane and Jane")', () => {
    expect(body(to([jane, { email: 'jane@home.example', name: 'Jane Doe' }]))).toMatch(/^Hi all,\n/);
  });

  it('the user is not one of the people greeted (account, aliases, duplicates)', () => {
    const s = settings();
    s.replies.aliases['me@example.com'] = ['me@example.org'];
    const r = to([jane, { email: 'ME@example.com', name: 'Me' }, { email: 'me@example.org', name: 'Me too' }, { ...jane, email: 'Jane@Example.com' }]);
    const ctx = templateContext(r, s, { locale: 'en', now: NOW });
    expect(ctx.group).toBe(false);
    expect(ctx.values.firstName).toBe('Jane');
  });

  it('the recipients the reply goes to can be given (e.g. reply to one of several)', () => {
    expect(render(to([jane, bob]), settings(), { recipients: [bob] }).text).toMatch(/^Hi Bob,\n/);
  });
});

describe('renderFollowUp: hostile text stays text', () => {
  const custom = (body: string, locale: 'en' | 'de' = 'en'): Settings => settings({ custom: [{ id: 'custom:t', name: 'T', locale, tone: 'short', body }], selected: { en: 'custom:t', de: 'custom:t' } });

  it('a subject with markup, placeholders, bidi marks and control characters comes out as one plain line', () => {
    const r = to([jane], 'Re: AW: <img src=x onerror=alert(1)> {firstName} \u202eevil\u200f\u0007 {myName}');
    const { text } = render(r, custom('About: {subject}!'));
    expect(text).toBe('About: <img src=x onerror=alert(1)> {firstName} evil {myName}!');
  });

  it('a 10,000-character subject and name are capped; the whole text too', () => {
    const r = to([{ email: 'j@x.com', name: 'J'.repeat(10_000) }], 'S'.repeat(10_000));
    const subject = render(r, custom('{subject}')).text;
    expect(subject.length).toBe(200);
    expect(subject.endsWith('…')).toBe(true);
    expect(render(r, custom('{name}')).text.length).toBe(100);
    expect(render(r, custom('{subject} '.repeat(200))).text.length).toBeLessThanOrEqual(5000);
  });

  it('Re:, AW:, Fwd:, WG: and Re[2]: prefixes are stripped; an empty subject says so', () => {
    for (const s of ['Re: Quote', 'AW: Quote', 'Fwd: Re: Quote', 'WG: Quote', 'Re[2]: Quote', 'RE : Quote', 'Aw:Quote']) {
      expect(render(to([jane], s), custom('{subject}')).text, s).toBe('Quote');
    }
    expect(render(to([jane], 'Regarding the quote'), custom('{subject}')).text).toBe('Regarding the quote');
    expect(render(to([jane], 'Ref: invoice 42'), custom('{subject}')).text).toBe('Ref: invoice 42');
    expect(render(to([jane], 'Antw: TR: Doorst: Offerte'), custom('{subject}')).text).toBe('Offerte');
    expect(render(to([jane], ''), custom('{subject}')).text).toBe('(no subject)');
    expect(render(to([jane], 'Re:'), custom('{subject}', 'de'), { locale: 'de' }).text).toBe('(kein Betreff)');
  });

  it('unknown placeholders and stray braces stay as typed', () => {
    expect(render(to([jane]), custom('{foo} {FirstName} {firstName} { name } {{name}}')).text).toBe('{foo} {FirstName} Jane { name } {Jane Doe}');
  });
});

describe('renderFollowUp: empty values leave no trace', () => {
  const custom = (body: string) => settings({ custom: [{ id: 'custom:t', name: 'T', locale: 'en', tone: 'short', body }], selected: { en: 'custom:t', de: 'custom:t' } });
  const emailOnly = to([{ email: 'jane@example.com' }]);
  it.each([
    ['Hi {firstName},\n\nAny news?', 'Hi,\n\nAny news?'],
    ['Thanks {firstName}!', 'Thanks!'],
    ['{firstName}, any news?', 'Any news?'],
    ['Dear {name} ({firstName}), hello', 'Dear, hello'],
    ['About “{firstName}” and more', 'About and more'],
    ['Hello {firstName} {name}, hi', 'Hello, hi'],
    ['Body\n\n— {myName}', 'Body'],
    ['Body\n\n{myName}\n\nP.S. later', 'Body\n\nP.S. later'],
    ['Best,\n{myName}', 'Best,'],
    ['Best, {myName}', 'Best,'],
  ])('%j → %j', (body, expected) => {
    expect(render(emailOnly, custom(body)).text).toBe(expected);
  });

  it('the text a user typed is left alone where nothing was empty', () => {
    expect(render(to([jane]), custom('Hi  {firstName} ,\n\n\n\nok  .')).text).toBe('Hi  Jane ,\n\n\n\nok  .');
  });
});

describe('a reminder that does not know when my email was sent', () => {
  it('anchor "added" (counted from the click): the built-ins leave the date out with its preposition', () => {
    const r = { ...to([jane]), anchor: 'added' as const };
    expect(render(r).text).toMatch(/^Hi Jane,\n\nI hope you are well\. I wanted to follow up on my email — have you had a chance/);
    expect(render(r, settings(), { locale: 'de' }).text).toMatch(/Ich möchte freundlich an meine E-Mail erinnern – hatten Sie/);
    expect(render(r, settings(), { locale: 'de', templateId: 'builtin:de-sie:firm' }).text).toMatch(/\n\nauf meine E-Mail habe ich leider noch keine Antwort erhalten\./);
    expect(render(r, settings(), { templateId: 'builtin:en:short' }).text).toMatch(/Just following up on my email\. Any news\?/);
    for (const t of BUILT_IN_TEMPLATES) expect(render(r, settings(), { locale: t.locale, templateId: t.id }).text, t.id).not.toMatch(/ (from|vom) ?[.,–—]/);
  });
  it('a message anchor keeps the date', () => {
    expect(render({ ...to([jane]), anchor: 'message' as const }).text).toContain('my email from December 3 —');
  });
});

describe('dates and days ago', () => {
  const custom = (locale: 'en' | 'de') =>
    settings({ custom: [{ id: 'custom:d', name: 'D', locale, tone: 'short', body: '{sentDate}|{daysAgo}' }], selected: { en: 'custom:d', de: 'custom:d' } });
  const at = (sentAt: number, now: number, zone: string, locale: 'en' | 'de' = 'en', formatLocale?: string) => {
    const s = custom(locale);
    s.schedule.timeZone = zone;
    return renderFollowUp(reminder({ sentAt, thread: thread() }), s, { locale, now, ...(formatLocale ? { formatLocale } : {}) }).text;
  };

  it('the date is the one on the user’s calendar, in their language; the year only when it is not this year', () => {
    const lateEvening = Date.UTC(2026, 11, 3, 23, 30); // Dec 4 00:30 in Berlin, Dec 3 15:30 in Los Angeles
    expect(at(lateEvening, NOW, 'Europe/Berlin')).toBe('December 4|3');
    expect(at(lateEvening, NOW, 'America/Los_Angeles')).toBe('December 3|4');
    expect(at(lateEvening, NOW, 'Europe/Berlin', 'de')).toBe('4. Dezember|3');
    expect(at(lateEvening, NOW, 'Europe/Berlin', 'en', 'en-GB')).toBe('4 December|3');
    expect(at(lateEvening, NOW, 'Europe/Berlin', 'en', 'not a locale!')).toBe('December 4|3');
    expect(at(Date.UTC(2025, 11, 30, 12), Date.UTC(2026, 0, 2, 12), 'Europe/Berlin')).toBe('December 30, 2025|3');
    expect(at(Date.UTC(2025, 11, 30, 12), Date.UTC(2026, 0, 2, 12), 'Europe/Berlin', 'de')).toBe('30. Dezember 2025|3');
  });

  it('days ago counts calendar days: just before and after midnight, same day, across a DST change', () => {
    const berlin = (d: number, h: number, m = 0) => Date.UTC(2026, 2, d, h - 1, m); // CET (+1) before March 29
    expect(at(berlin(10, 23, 50), berlin(11, 0, 10), 'Europe/Berlin')).toMatch(/\|1$/);
    expect(at(berlin(10, 0, 10), berlin(10, 23, 50), 'Europe/Berlin')).toMatch(/\|0$/);
    // Sent Saturday March 28 12:00 CET; now Monday March 30 12:00 CEST: 2 days, though only 47 hours passed.
    expect(at(Date.UTC(2026, 2, 28, 11), Date.UTC(2026, 2, 30, 10), 'Europe/Berlin')).toBe('March 28|2');
    // Autumn: 49 hours over the change back are still 2 days.
    expect(at(Date.UTC(2026, 9, 24, 10), Date.UTC(2026, 9, 26, 11), 'Europe/Berlin')).toBe('October 24|2');
    // A clock a little behind (sent "after" now) is 0, never negative.
    expect(at(NOW + 60_000, NOW, 'Europe/Berlin')).toMatch(/\|0$/);
    expect(at(NOW - 30 * DAY, NOW, 'Europe/Berlin')).toMatch(/\|30$/);
  });
});

describe('templatesFor', () => {
  const mine: CustomTemplate[] = [
    { id: 'custom:a', name: 'A', locale: 'en', tone: 'short', body: 'a' },
    { id: 'custom:b', name: 'B', locale: 'de', tone: 'firm', address: 'du', body: 'b' },
  ];
  it('lists a language’s built-ins (German in the chosen address), then the user’s own', () => {
    expect(templatesFor(settings({ custom: mine }), 'en').map((t) => t.id)).toEqual(['builtin:en:short', 'builtin:en:friendly', 'builtin:en:firm', 'custom:a']);
    expect(templatesFor(settings({ custom: mine }), 'de').map((t) => t.id)).toEqual(['builtin:de-sie:short', 'builtin:de-sie:friendly', 'builtin:de-sie:firm', 'custom:b']);
    expect(templatesFor(settings({ custom: mine, germanAddress: 'du' }), 'de').map((t) => t.id)).toEqual(['builtin:de-du:short', 'builtin:de-du:friendly', 'builtin:de-du:firm', 'custom:b']);
  });
});

describe('followUpLocale', () => {
  it('German for a thread whose subject says AW:/WG:, else the UI language', () => {
    expect(followUpLocale('AW: Angebot', 'en-US')).toBe('de');
    expect(followUpLocale('WG: Re: Offer', 'en')).toBe('de');
    expect(followUpLocale('Re: Angebot', 'en-GB')).toBe('en');
    expect(followUpLocale('Re: Offer', 'de-AT')).toBe('de');
    expect(followUpLocale('Awesome: news', 'en')).toBe('en');
  });
});
