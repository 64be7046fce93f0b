/**
 * Senders that are programs: no-reply addresses, auto/robot/mailer local
 * parts and the mail systems of help desks. A sender rule is evidence, never
 * proof on its own: help-desk agents answer through the same systems, and
 * some companies send people's answers from no-reply addresses.
 */
import { localPart } from '../addresses';
import type { Address } from '../../reminder';

const NO_REPLY = /^(no[-_.]?reply|do[-_.]?not[-_.]?reply|dont[-_.]?reply|noreply|donotreply|no[-_.]?response|nepasrepondre|ne[-_.]?pas[-_.]?repondre|keine[-_.]?antwort|nicht[-_.]?antworten|noresponder|no[-_.]?responder|non[-_.]?rispondere|niet[-_.]?beantwoorden|naoresponda|nao[-_.]?responda|nie[-_.]?odpowiadaj|svara[-_.]?inte|ikke[-_.]?svar)([-_.+].*)?$|[-_.](no[-_.]?reply|noreply|donotreply)$/;
const ROBOT = /^(auto[-_.]?reply|auto[-_.]?responder|auto[-_.]?response|autoresponse|auto|automat|automated|automailer|robot|bot|mailer|mailbot|daemon|listserv|majordomo|bounces?|ticket(s|ing)?[-_.]?(system|bot|robot|noreply)?|helpdesk[-_.]?(system|bot|robot|noreply)|system|notifications?|notify)([-_.+].*)?$/;
/** Help-desk and ticket systems whose mail servers send receipts. */
const MAILER_DOMAINS = /(^|\.)(zendesk\.com|freshdesk\.com|helpscout\.net|helpscoutapp\.com|kayako\.com|zohodesk\.com|zoho-desk\.com|servicenowservices\.com|service-now\.com|atlassian\.net|intercom-mail\.com|intercom\.io|gorgias\.io|hubspot-inbox\.com|frontapp\.com|teamwork\.com|otrs\.com|zammad\.com)$/;
const ROBOT_NAMES = /\b(no-?reply|do not reply|auto-?reply|autoresponder|mailer|robot|ticket system|helpdesk system|support system)\b/;

export type SenderKind = 'no-reply' | 'robot' | 'mailer';

export function senderKind(from: Address): { kind: SenderKind; detail: string } | undefined {
  const email = from.email.trim().toLowerCase();
  const local = localPart(email);
  const domain = email.slice(email.lastIndexOf('@') + 1);
  if (NO_REPLY.test(local)) return { kind: 'no-reply', detail: `sender:${local}` };
  if (ROBOT.test(local)) return { kind: 'robot', detail: `sender:${local}` };
  if (MAILER_DOMAINS.test(domain)) return { kind: 'mailer', detail: `sender-domain:${domain}` };
  const name = (from.name ?? '').toLowerCase();
  if (ROBOT_NAMES.test(name)) return { kind: 'robot', detail: `sender-name:${name.slice(0, 60)}` };
  return undefined;
}
