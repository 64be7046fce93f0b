import { describe, expect, it } from 'vitest';
import { autoReplySignal, bounceSignal, foldText, subjectBase } from '../../../src/core/replies/auto-reply';
import type { ObservedMessage } from '../../../src/core/replies/types';

const withSubject = (subject: string): ObservedMessage => ({ from: { email: 'bob@acme.com' }, to: [{ email: 'me@example.com' }], subject });
const withHeaders = (headers: Record<string, string>): ObservedMessage => ({ ...withSubject('Re: Quarterly numbers'), headers });
const from = (email: string, name?: string): ObservedMessage => ({ ...withSubject('Quarterly numbers'), from: { email, ...(name && { name }) } });

describe('autoReplySignal by subject', () => {
  it.each([
    // English
    ['Automatic reply: Quarterly numbers', 'subject:Automatic reply'],
    ['AUTOMATIC REPLY: Quarterly numbers', 'subject:Automatic reply'],
    ['Auto-Reply: Quarterly numbers', 'subject:Auto-Reply'],
    ['Autoreply: Quarterly numbers', 'subject:Autoreply'],
    ['Auto Reply - Quarterly numbers', 'subject:Auto Reply'],
    ['[Auto-Reply] Quarterly numbers', 'subject:Auto-Reply'],
    ['Out of Office: Quarterly numbers', 'subject:Out of Office'],
    ['Out of Office AutoReply: Quarterly numbers', 'subject:Out of Office'],
    ['Out of Office Re: Quarterly numbers', 'subject:Out of Office'],
    ['Out of the office (back June 10)', 'subject:Out of the office'],
    ['Out of office', 'subject:Out of Office'],
    ['Re: Automatic reply: Quarterly numbers', 'subject:Automatic reply'],
    ['RE: RE: Out of Office: Quarterly numbers', 'subject:Out of Office'],
    ['Re[2]: Automatic reply: Quarterly numbers', 'subject:Automatic reply'],
    ['[EXTERNAL] Automatic reply: Quarterly numbers', 'subject:Automatic reply'],
    ['  automatic   reply :   Quarterly numbers', 'subject:Automatic reply'],
    // German
    ['Abwesenheitsnotiz: Quartalszahlen', 'subject:Abwesenheitsnotiz'],
    ['AW: Abwesenheitsnotiz: Quartalszahlen', 'subject:Abwesenheitsnotiz'],
    ['Antw: Automatische Antwort: Quartalszahlen', 'subject:Automatische Antwort'],
    ['Automatische Antwort: Quartalszahlen', 'subject:Automatische Antwort'],
    ['Abwesend: Quartalszahlen', 'subject:Abwesend'],
    ['AW: Abwesend : Quartalszahlen', 'subject:Abwesend'],
    // French (with the French space before the colon, NBSP included)
    ['Réponse automatique : Chiffres trimestriels', 'subject:Réponse automatique'],
    ['RE : Réponse automatique\u00a0: Chiffres', 'subject:Réponse automatique'],
    ['REPONSE AUTOMATIQUE: Chiffres', 'subject:Réponse automatique'],
    ['Absence du bureau : Chiffres', 'subject:Absence du bureau'],
    ['Absence : Chiffres trimestriels', 'subject:Absence'],
    ['Absence: Chiffres trimestriels', 'subject:Absence'],
    // Spanish
    ['Respuesta automática: Cifras trimestrales', 'subject:Respuesta automática'],
    ['RE: Respuesta automatica: Cifras', 'subject:Respuesta automática'],
    ['Fuera de la oficina: Cifras trimestrales', 'subject:Fuera de la oficina'],
    ['Ausente: Cifras trimestrales', 'subject:Ausente'],
    // Decomposed accents (NFD input) fold the same way
    ['Re\u0301ponse automatique : Chiffres', 'subject:Réponse automatique'],
  ])('%j → %s', (subject, detail) => {
    expect(autoReplySignal(withSubject(subject))).toBe(detail);
  });

  it.each([
    'Re: the absence report for Q3',
    'Absence report for Q3',
    'Re: Absence',
    'Absence',
    'Absences in July',
    'Re: Out of office party on Friday',
    'Out of office party on Friday',
    'Out of the office until Monday, answering tomorrow',
    'Automatic replies are broken again',
    'Re: Auto-reply setup - help',
    'Autoreply settings',
    'Re: Abwesenheitsnotizen für Juli',
    'AW: Abwesend bis Montag',
    'Abwesenheit im Juli',
    'Re: Réponse automatiquement générée ?',
    'Réponses automatiques du support',
    'Re: Ausente el lunes',
    'Ausentes del equipo',
    'Re: Fuera de la oficinas',
    'Re: Quarterly numbers (automatic reply attached)',
    'Re: Quarterly numbers - out of office next week',
    'Fwd: Automatic reply: Quarterly numbers',
    'Re: Respuestas automáticas',
    '',
  ])('%j is not automatic', (subject) => {
    expect(autoReplySignal(withSubject(subject))).toBeUndefined();
  });

  it('gives no subject signal when the subject only repeats the thread subject', () => {
    const context = { threadSubjects: ['Out of Office: cover plan for June'] };
    expect(autoReplySignal(withSubject('Re: Out of Office: cover plan for June'), context)).toBeUndefined();
    expect(autoReplySignal(withSubject('AW: [EXT] Out of office: Cover plan for June'), context)).toBeUndefined();
    // an auto-reply to that thread still has its own prefix in front
    expect(autoReplySignal(withSubject('Automatic reply: Out of Office: cover plan for June'), context)).toBe('subject:Automatic reply');
    // headers are not affected by the thread subject
    expect(autoReplySignal({ ...withSubject('Re: Out of Office: cover plan for June'), headers: { 'auto-submitted': 'auto-replied' } }, context)).toBe(
      'header:auto-submitted=auto-replied',
    );
  });
});

describe('autoReplySignal by header', () => {
  it.each<[Record<string, string>, string]>([
    [{ 'auto-submitted': 'auto-replied' }, 'header:auto-submitted=auto-replied'],
    [{ 'auto-submitted': 'Auto-Generated' }, 'header:auto-submitted=auto-generated'],
    [{ 'Auto-Submitted': 'auto-replied; owner-email="bob@acme.com"' }, 'header:auto-submitted=auto-replied'],
    [{ 'x-autoreply': 'yes' }, 'header:x-autoreply=yes'],
    [{ 'X-AutoReply': 'YES' }, 'header:x-autoreply=yes'],
    [{ 'x-autorespond': 'Out of office' }, 'header:x-autorespond=out of office'],
    [{ precedence: 'auto_reply' }, 'header:precedence=auto_reply'],
  ])('%j → %s', (headers, detail) => {
    expect(autoReplySignal(withHeaders(headers))).toBe(detail);
  });

  it.each<Record<string, string>>([
    { 'auto-submitted': 'no' },
    { 'auto-submitted': ' NO ' },
    { 'auto-submitted': '' },
    { 'x-autoreply': 'no' },
    { 'x-autorespond': 'false' },
    { precedence: 'bulk' },
    { precedence: 'list' },
    { precedence: 'junk' },
    { 'x-auto-response-suppress': 'All' },
    {},
  ])('%j is not automatic', (headers) => {
    expect(autoReplySignal(withHeaders(headers))).toBeUndefined();
  });
});

describe('bounceSignal', () => {
  it.each([
    [from('mailer-daemon@googlemail.com', 'Mail Delivery Subsystem'), 'sender:mailer-daemon'],
    [from('MAILER-DAEMON@mx.acme.com'), 'sender:mailer-daemon'],
    [from('Mail Delivery System <Mailer-Daemon@mail.example.org>'), 'sender:mailer-daemon'],
    [from('postmaster@acme.com'), 'sender:postmaster'],
    [from('PostMaster@Outlook.com'), 'sender:postmaster'],
    [from('', 'Mail Delivery Subsystem'), 'sender-name:Mail Delivery Subsystem'],
    [{ ...from('noreply@acme.com'), headers: { 'x-failed-recipients': 'bob@acme.com' } }, 'header:x-failed-recipients'],
    [{ ...from('noreply@acme.com'), headers: { 'content-type': 'multipart/report; report-type=delivery-status; boundary="x"' } }, 'header:content-type=delivery-status'],
    [{ ...from('exchange@acme.com'), subject: 'Delivery Status Notification (Failure)' }, 'subject:Delivery Status Notification (Failure)'],
    [{ ...from('exchange@acme.com'), subject: 'Undeliverable: Quarterly numbers' }, 'subject:Undeliverable'],
    [{ ...from('exchange@acme.com'), subject: 'Mail delivery failed: returning message to sender' }, 'subject:Mail delivery failed'],
    [{ ...from('exchange@acme.com'), subject: 'Undelivered Mail Returned to Sender' }, 'subject:Undelivered Mail Returned to Sender'],
    [{ ...from('exchange@acme.de'), subject: 'Unzustellbar: Quartalszahlen' }, 'subject:Unzustellbar'],
    [{ ...from('exchange@acme.fr'), subject: 'Non remis : Chiffres' }, 'subject:Non remis'],
    [{ ...from('exchange@acme.es'), subject: 'No se puede entregar: Cifras' }, 'subject:No se puede entregar'],
    [{ ...from('exchange@acme.com'), subject: '[EXT] Undeliverable: Quarterly numbers' }, 'subject:Undeliverable'],
  ])('%j → %s', (m, detail) => {
    expect(bounceSignal(m)).toBe(detail);
  });

  it.each([
    from('daemon@acme.com'),
    from('mailer-daemon-fan@acme.com'),
    from('bob.postmaster@acme.com'),
    { ...from('bob@acme.com'), subject: 'Re: Undeliverable: Quarterly numbers' },
    { ...from('bob@acme.com'), subject: 'Undeliverable packages in the warehouse' },
    { ...from('bob@acme.com'), subject: 'No se puede entregar el paquete mañana' },
    { ...from('bob@acme.com'), subject: 'Mail delivery failed for my last email?' },
    { ...from('bob@acme.com'), headers: { 'x-failed-recipients': '' } },
    from('bob@acme.com', 'Mail Delivery Fan'),
  ])('%j is not a bounce', (m) => {
    expect(bounceSignal(m)).toBeUndefined();
  });

  it('does not call a postmaster the user wrote to a bounce', () => {
    const context = { addressed: new Set(['postmaster@acme.com']) };
    expect(bounceSignal(from('PostMaster@acme.com'), context)).toBeUndefined();
    expect(bounceSignal(from('postmaster@other.org'), context)).toBe('sender:postmaster');
  });
});

describe('subject helpers', () => {
  it('folds case, diacritics and spaces', () => {
    expect(foldText('  Réponse\u00a0  AUTOMATIQUE ')).toBe('reponse automatique');
  });

  it('strips reply, forward and tag prefixes for the thread subject', () => {
    expect(subjectBase('RE: Fwd: AW: [EXT] WG: Quarterly  Numbers')).toBe('quarterly numbers');
    expect(subjectBase('Automatic reply: Quarterly numbers')).toBe('automatic reply: quarterly numbers');
  });
});
