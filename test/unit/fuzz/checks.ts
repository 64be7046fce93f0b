/** Well-formedness checks the fuzz tests share. */
import { expect } from 'vitest';
import { looksLikeEmail } from '../../../src/content/bridge-protocol';
import type { RequestedMessage, SentMessage } from '../../../src/content/gmail/sync-response';

const CLIENT_MSG_RE = /^msg-a:r-?\d{1,20}$/;
const SERVER_MSG_RE = /^msg-f:\d{1,20}$/;
const CLIENT_THREAD_RE = /^thread-a:r-?\d{1,20}$/;
const PERM_THREAD_RE = /^thread-f:\d{1,20}$/;
const HEX_RE = /^[0-9a-f]{1,16}$/;
const RFC_ID_RE = /^<[^<>\s@]{1,500}@[^<>\s@]{1,300}>$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
export const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function expectAddress(a: { email: string; name?: string }): void {
  expect(Object.keys(a).every((k) => k === 'email' || k === 'name')).toBe(true);
  expect(looksLikeEmail(a.email), a.email).toBe(true);
  expect(a.email).toBe(a.email.toLowerCase());
  if (a.name !== undefined) {
    expect(typeof a.name).toBe('string');
    expect(a.name.length).toBeLessThanOrEqual(256);
    expect(a.name).not.toMatch(CONTROL);
  }
}

export function expectIds(m: Partial<SentMessage>): void {
  if (m.clientMessageId !== undefined) expect(m.clientMessageId).toMatch(CLIENT_MSG_RE);
  if (m.serverMessageId !== undefined) expect(m.serverMessageId).toMatch(SERVER_MSG_RE);
  if (m.clientThreadId !== undefined) expect(m.clientThreadId).toMatch(CLIENT_THREAD_RE);
  if (m.permThreadId !== undefined) expect(m.permThreadId).toMatch(PERM_THREAD_RE);
  if (m.threadId !== undefined) expect(m.threadId).toMatch(HEX_RE);
  if (m.rfcMessageId !== undefined) expect(m.rfcMessageId).toMatch(RFC_ID_RE);
}

export function expectMessage(m: SentMessage | RequestedMessage): void {
  expectIds(m);
  expect(typeof m.subject).toBe('string');
  expect(m.subject.length).toBeLessThanOrEqual(2000);
  expect(m.subject).not.toMatch(CONTROL);
  expect(m.subject).not.toMatch(/[\ud800-\udbff]$/); // not cut inside a surrogate pair
  expect(Array.isArray(m.recipients)).toBe(true);
  expect(m.recipients.length).toBeLessThanOrEqual(500);
  m.recipients.forEach(expectAddress);
  if (m.from) expectAddress(m.from);
  if (m.sentAt !== undefined) {
    expect(Number.isSafeInteger(m.sentAt)).toBe(true);
    expect(m.sentAt).toBeGreaterThanOrEqual(Date.UTC(2000, 0, 1));
    expect(m.sentAt).toBeLessThan(Date.UTC(2100, 0, 1));
  }
}

