import { describe, expect, it, vi } from 'vitest';
import { createClient, RequestFailedError } from '../../../src/core/protocol/client';
import { parseEnvelope } from '../../../src/core/protocol/messages';

async function failure(p: Promise<unknown>): Promise<RequestFailedError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(RequestFailedError);
    return e as RequestFailedError;
  }
  throw new Error('expected the request to fail');
}

describe('createClient', () => {
  it('sends the v1 envelope exactly once and returns the data of an ok reply', async () => {
    const settings = { version: 1 };
    const send = vi.fn(async (_m: unknown) => ({ ok: true, data: { settings } }));
    const request = createClient(send);

    await expect(request('settings.get', {})).resolves.toEqual({ settings });
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith({ v: 1, type: 'settings.get', payload: {} });
  });

  it('sends what the background accepts', async () => {
    const sent: unknown[] = [];
    const request = createClient(async (m) => {
      sent.push(m);
      return { ok: true, data: { reminder: null } };
    });
    await request('reminder.getByThread', { account: 'Me@Example.com', threadId: '15f1123136926bff' });
    expect(sent).toEqual([
      { v: 1, type: 'reminder.getByThread', payload: { account: 'Me@Example.com', threadId: '15f1123136926bff' } },
    ]);
    expect(parseEnvelope(sent[0])).toMatchObject({ ok: true, request: { payload: { account: 'me@example.com' } } });
  });

  it('throws RequestFailedError carrying code and message on an error reply', async () => {
    const request = createClient(async () => ({ ok: false, error: { code: 'not-found', message: 'No reminder with id x' } }));
    const err = await failure(request('reminder.done', { id: 'x' }));
    expect(err.error).toEqual({ code: 'not-found', message: 'No reminder with id x' });
    expect(err.message).toBe('No reminder with id x');
    expect(err.name).toBe('RequestFailedError');
    expect(err).toBeInstanceOf(Error);
  });

  it.each([
    ['undefined (no listener answered)', undefined],
    ['null', null],
    ['a string', 'ok'],
    ['a number', 1],
    ['true', true],
    ['an object without ok', { data: { reminder: null } }],
    ['an array', [true]],
  ])('throws an internal RequestFailedError naming the type for %s', async (_label, reply) => {
    const err = await failure(createClient(async () => reply)('reminder.cancel', { id: 'x' }));
    expect(err.error.code).toBe('internal');
    expect(err.message).toContain('reminder.cancel');
  });

  it.each([
    ['ok: false without an error', { ok: false }],
    ['ok: false with a string error', { ok: false, error: 'boom' }],
    ['ok: false with an error lacking a code', { ok: false, error: { message: 'x' } }],
    ['ok: true without data', { ok: true }],
    ['ok: "yes"', { ok: 'yes', data: {} }],
    ['ok: 1', { ok: 1, data: {} }],
  ])('throws an internal RequestFailedError for a malformed reply: %s', async (_label, reply) => {
    const err = await failure(createClient(async () => reply)('reminder.cancel', { id: 'x' }));
    expect(err.error.code).toBe('internal');
    expect(err.message).toContain('reminder.cancel');
  });

  it('lets a failure of the transport itself through unchanged', async () => {
    const boom = new Error('Could not establish connection. Receiving end does not exist.');
    const request = createClient(async () => {
      throw boom;
    });
    await expect(request('settings.get', {})).rejects.toBe(boom);
  });
});
