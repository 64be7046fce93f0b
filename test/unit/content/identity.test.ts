import { describe, expect, it } from 'vitest';
import { threadIdentityFor } from '../../../src/content/controller/identity';

const compose = { subject: 'Quote for the roof', recipients: [{ email: 'bob@example.com', name: 'Bob' }] };

describe('threadIdentityFor', () => {
  it('prefers the send response: server thread id, hex and Message-ID', () => {
    const id = threadIdentityFor(
      compose,
      {
        subject: 'Quote for the roof',
        recipients: [{ email: 'bob@example.com' }, { email: 'carol@example.com' }],
        permThreadId: 'thread-f:1743802434391390786',
        threadId: '18333b13345c3a42',
        rfcMessageId: '<abc@mail.gmail.com>',
      },
      { threadId: 'ffff', subject: 'other' },
    );
    expect(id).toEqual({
      provider: 'gmail',
      threadId: '18333b13345c3a42',
      permThreadId: 'thread-f:1743802434391390786',
      messageId: '<abc@mail.gmail.com>',
      subject: 'Quote for the roof',
      recipients: [{ email: 'bob@example.com' }, { email: 'carol@example.com' }],
    });
  });

  it('falls back to the thread view of an inline reply, deriving the hex from the perm id', () => {
    const id = threadIdentityFor(compose, undefined, { permThreadId: 'thread-f:1581064946762017791', subject: 'Re: x' });
    expect(id?.threadId).toBe('15f1123136926bff');
    expect(id?.permThreadId).toBe('thread-f:1581064946762017791');
    expect(id?.subject).toBe('Quote for the roof');
    expect(id?.recipients).toEqual([{ email: 'bob@example.com', name: 'Bob' }]);
  });

  it('ignores a perm id that does not parse ("undefined") and keeps the hex', () => {
    const id = threadIdentityFor(compose, undefined, { threadId: '15F1123136926BFF', permThreadId: 'undefined', subject: '' });
    expect(id).toMatchObject({ threadId: '15f1123136926bff' });
    expect(id).not.toHaveProperty('permThreadId');
  });

  it('returns undefined when nothing identifies the thread', () => {
    expect(threadIdentityFor(compose, undefined, undefined)).toBeUndefined();
    expect(threadIdentityFor(compose, { subject: 'x', recipients: [] }, { subject: 'y' })).toBeUndefined();
  });

  it('uses the compose subject when Gmail answered with an empty one, and de-duplicates recipients', () => {
    const id = threadIdentityFor(
      { subject: 'Hi', recipients: [{ email: 'A@x.org' }, { email: 'a@x.org' }] },
      { subject: '', recipients: [], rfcMessageId: '<m@x>' },
      undefined,
    );
    expect(id).toMatchObject({ subject: 'Hi', messageId: '<m@x>', recipients: [{ email: 'A@x.org' }] });
  });
});
