import { describe, expect, it } from 'vitest';
import { repliedNotification, singleNotification, type Translate } from '../../../src/core/notification-text';
import type { FollowUpChain } from '../../../src/core/chain';
import { reminder, T0 } from './fixtures';

const t: Translate = (key, subs) => `${key}|${(subs ?? []).join(',')}`;
const date = (ms: number) => `@${ms}`;
const chain = (over: Partial<FollowUpChain> = {}): FollowUpChain => ({ repeat: true, steps: [3, 7, 14], cap: 3, sent: [], ...over });

describe('notification text of a follow-up chain', () => {
  it('a repeating chain names the follow-up now due: "Follow-up 1 of 3 due — no reply from Bob"', () => {
    const n = singleNotification(reminder({ status: 'notified', chain: chain() }), t, date);
    expect(n.title).toBe('notifChainStep|1,3,Bob');
    expect(n.contextMessage).toBe(`notifContext|@${T0 - 86_400_000},me@example.com`);
  });

  it('after follow-ups: the next one, and when the last was sent', () => {
    const n = singleNotification(reminder({ status: 'notified', chain: chain({ sent: [{ at: T0 - 5 }] }) }), t, date);
    expect(n.title).toBe('notifChainStep|2,3,Bob');
    expect(n.contextMessage).toBe(`notifChainContext|@${T0 - 5},me@example.com`);
  });

  it('after the last planned follow-up: the final word, never a silent end', () => {
    const three = chain({ sent: [{ at: 1 }, { at: 2 }, { at: 3 }] });
    expect(singleNotification(reminder({ status: 'notified', chain: three }), t, date).title).toBe('notifChainFinal|3,Bob');
    expect(singleNotification(reminder({ status: 'notified', chain: chain({ cap: 1, sent: [{ at: 1 }] }) }), t, date).title).toBe('notifChainFinalOne|Bob');
    // Also when repeating was turned off afterwards: what was sent still counts.
    expect(singleNotification(reminder({ status: 'notified', chain: { ...three, repeat: false } }), t, date).title).toBe('notifChainFinal|3,Bob');
  });

  it('no chain, or one that neither repeats nor sent anything: the plain title', () => {
    expect(singleNotification(reminder({ status: 'notified' }), t, date).title).toBe('notifTitle|Bob');
    expect(singleNotification(reminder({ status: 'notified', chain: chain({ repeat: false }) }), t, date).title).toBe('notifTitle|Bob');
  });

  it('a failed check and a bounce keep their own words', () => {
    const failed = reminder({ status: 'notified', chain: chain({ sent: [{ at: 1 }] }), check: { at: T0, source: 'print-view', outcome: 'failed', failure: 'network', failures: 1 } });
    expect(singleNotification(failed, t, date).contextMessage).toBe('notifUnverified|me@example.com');
    const bounced = reminder({ status: 'notified', chain: chain(), check: { at: T0, source: 'print-view', outcome: 'bounced', failures: 0, by: { email: 'mailer-daemon@x.com' } } });
    expect(singleNotification(bounced, t, date).title).toBe('notifBouncedTitle|Bob');
  });

  it('a reply after follow-ups says the chain ended', () => {
    const replied = (sent: number) =>
      reminder({ status: 'replied', chain: chain({ sent: Array.from({ length: sent }, (_, i) => ({ at: i })) }), resolution: { kind: 'reply', by: { email: 'bob@example.com', name: 'Bob' } } });
    expect(repliedNotification(replied(2), t).contextMessage).toBe('notifChainEnded|2,me@example.com');
    expect(repliedNotification(replied(1), t).contextMessage).toBe('notifChainEndedOne|1,me@example.com');
    expect(repliedNotification(replied(0), t).contextMessage).toBe('me@example.com');
  });
});
