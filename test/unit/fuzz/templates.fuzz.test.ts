/**
 * Follow-up rendering fuzz: whatever names, addresses and subjects a mail
 * carries, a built-in template gives a tidy plain-text nudge (a greeting line
 * that ends in a comma with no stray space, no control or bidi characters from
 * the mail, bounded), and any template text renders without throwing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATES, MAX_TEXT, PLACEHOLDERS, renderFollowUp } from '../../../src/core/templates';
import { defaultSettings } from '../../../src/core/settings';
import type { Reminder } from '../../../src/core/reminder';
import { anyString, nastyString, runs } from './arbitraries';

const NOW = Date.UTC(2026, 11, 7, 9);
const settings = defaultSettings('Europe/Berlin');

const address = fc.record({ email: fc.oneof(fc.constant('jane@example.com'), nastyString(30)), name: fc.option(anyString, { nil: undefined }) });
const reminderWith = (recipients: { email: string; name?: string | undefined }[], subject: string, sentAt: number): Reminder => ({
  id: 'f',
  account: 'me@example.com',
  thread: { provider: 'gmail', threadId: 'abc', subject, recipients: recipients.map((r) => (r.name === undefined ? { email: r.email } : { email: r.email, name: r.name })) },
  threadKey: 'gmail:abc',
  kind: 'no-reply',
  status: 'notified',
  sentAt,
  dueAt: NOW,
  createdAt: sentAt,
  updatedAt: sentAt,
  rev: 1,
  history: [],
});
const sentAt = fc.integer({ min: NOW - 800 * 86_400_000, max: NOW + 86_400_000 });
// eslint-disable-next-line no-control-regex
const FROM_MAIL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('renderFollowUp fuzz', () => {
  it('built-ins: a tidy greeting, no undefined, no control or bidi characters from the mail, bounded', () => {
    fc.assert(
      fc.property(
        fc.array(address, { maxLength: 4 }),
        anyString,
        sentAt,
        fc.constantFrom(...BUILT_IN_TEMPLATES.map((t) => t.id)),
        fc.option(anyString, { nil: undefined }),
        (recipients, subject, sent, templateId, myName) => {
          const { text } = renderFollowUp(reminderWith(recipients, subject, sent), settings, { locale: 'en', now: NOW, templateId, ...(myName === undefined ? {} : { myName }) });
          const [greeting, blank] = text.split('\n');
          expect(greeting).toMatch(/^(Hi|Guten Tag|Hallo)( \S.*\S| \S)?,$/);
          expect(greeting).not.toMatch(/ {2}| ,/);
          expect(blank).toBe('');
          expect(text).not.toMatch(FROM_MAIL);
          expect(text).not.toMatch(/undefined|\{(firstName|name|sentDate|daysAgo|myName)\}/);
          expect(text.length).toBeLessThanOrEqual(MAX_TEXT);
        },
      ),
      runs(300),
    );
  });

  it('any template text of the user renders, bounded, keeping its own line breaks', () => {
    const piece = fc.oneof(nastyString(12), fc.constantFrom(...PLACEHOLDERS.map((p) => `{${p}}`), '\n', ' ', ', ', '{', '}', '{x}', '“', '”', '(', ')'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.array(address, { maxLength: 3 }), anyString, sentAt, (parts, recipients, subject, sent) => {
        const body = parts.join('').slice(0, 2000);
        const s = { ...settings, templates: { ...settings.templates, custom: [{ id: 'custom:f', name: 'F', locale: 'de' as const, tone: 'short' as const, body }] } };
        const { text, templateId } = renderFollowUp(reminderWith(recipients, subject, sent), s, { locale: 'de', now: NOW, templateId: 'custom:f' });
        expect(templateId).toBe('custom:f');
        expect(typeof text).toBe('string');
        expect(text.length).toBeLessThanOrEqual(MAX_TEXT);
        if (!JSON.stringify([body, recipients, subject]).includes('undefined')) expect(text).not.toMatch(/undefined/);
      }),
      runs(300),
    );
  });
});
