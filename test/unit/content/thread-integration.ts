/**
 * The content integration on a Gmail thread URL, for the thread-toolbar
 * tests: `start` loads a DOM fixture and runs the integration with a fake
 * background; whatever runs is stopped after each test.
 */
import { afterEach, beforeEach } from 'vitest';
import { startGmailIntegration } from '../../../src/content/controller/page';
import { load } from '../gmail-dom/dom';
import { fakeDeps, ORIGIN, setPageUrl, settle, type Fake, type Handlers } from './harness';

/** The thread of the English thread-view fixtures, as Gmail's URL names it. */
export const THREAD_URL = `${ORIGIN}/mail/u/0/#inbox/15f1123136926bff`;

/** Call once at the top of a test file (it registers the per-test hooks). */
export function threadIntegration(): {
  start: (fixture: string, handlers?: Handlers, prepare?: () => void) => Promise<Fake>;
  stop: () => void;
} {
  let running: (() => void) | undefined;
  const stop = () => {
    running?.();
    running = undefined;
  };
  beforeEach(() => setPageUrl(THREAD_URL));
  afterEach(stop);

  /** Loads `fixture`, lets `prepare` alter it, then starts the integration with a background answering `handlers`. */
  async function start(fixture: string, handlers?: Handlers, prepare?: () => void): Promise<Fake> {
    load(fixture);
    prepare?.();
    const fake = fakeDeps({ handlers });
    running = startGmailIntegration(fake.deps);
    await settle();
    return fake;
  }

  return { start, stop };
}
