/*
 * The Gmail controls (compose and thread controllers, Preact UI, styles),
 * injected by the background into a Gmail frame's isolated world on first
 * need (background/controls-injection.ts) — never web-accessible, never in
 * the manifest. Built on its own as one self-contained script
 * (vite.config.ts). It hands its start to the bootstrap already running in
 * this world (boot/handoff.ts); without one (a frame that navigated away
 * meanwhile) it does nothing.
 */
import { offerControls, type StartControls } from './boot/handoff';
import { startGmailIntegration } from './controller/page';
import { parsingHandlers } from './gmail/page-bridge';
import { removeOwned } from './ui/owned';

export const startControls: StartControls = (host) => {
  const stop = startGmailIntegration(host.deps, host.onCommand, {
    watch: host.watch,
    listen: (handlers) => host.listenEnvelopes(parsingHandlers(handlers)),
    health: host.health,
    // The bootstrap reports the account from the page's first post on.
    reportsAccounts: false,
  });
  return () => {
    stop();
    // What this script rendered: the bootstrap's own copy of owned.ts never saw it.
    removeOwned(host.deps.doc);
  };
};

try {
  offerControls(globalThis, startControls);
} catch {
  // never into Gmail's page
}
