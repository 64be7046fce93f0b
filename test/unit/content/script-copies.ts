/**
 * Copies of the content script sharing one Gmail DOM, as in a tab whose
 * extension was updated: each copy is a `startOnce` call with its own fake
 * background and an `alive` flag; once dead, its requests fail as an orphan's do.
 */
import { afterEach, beforeEach } from 'vitest';
import { startGmailIntegration } from '../../../src/content/controller/page';
import { startOnce } from '../../../src/content/lifecycle';
import { ExtensionGoneError } from '../../../src/core/protocol/gone';
import type { Settings } from '../../../src/core/settings';
import { fakeDeps, setPageUrl, type Fake } from './harness';

export interface Copy {
  fake: Fake;
  alive: { v: boolean };
  stop: (() => void) | undefined;
}

/** Call once at the top of a test file: every copy started in a test is stopped after it, on the inbox URL. */
export function scriptCopies(): { copies: Copy[]; startCopy: (settings?: Partial<Settings>, world?: object) => Copy } {
  const copies: Copy[] = [];
  beforeEach(() => setPageUrl());
  afterEach(() => {
    for (const c of copies.splice(0)) c.stop?.();
  });

  /** One copy of the content script: its own world and background; requests fail as in an orphan once it is dead. */
  function startCopy(settings: Partial<Settings> = {}, world: object = {}): Copy {
    const fake = fakeDeps({ settings });
    const alive = { v: true };
    const real = fake.deps.request;
    fake.deps.request = ((type: never, payload: never) => (alive.v ? real(type, payload) : Promise.reject(new ExtensionGoneError()))) as typeof real;
    const copy: Copy = { fake, alive, stop: undefined };
    copy.stop = startOnce({ doc: document, world, alive: () => alive.v }, () => startGmailIntegration(fake.deps));
    copies.push(copy);
    return copy;
  }

  return { copies, startCopy };
}
