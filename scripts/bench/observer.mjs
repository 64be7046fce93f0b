/**
 * Observer cost in headless Chromium: watchAdded (src/content/controller/added-elements.ts) with
 * page.ts's watcher list against a naive observer that rescans the whole document on every
 * callback, on a Gmail-sized page under the same burst of Gmail-like DOM mutations.
 *
 * Fails on real errors only: a missing or broken
 * browser, an error in the page, a callback count that is off, or the two strategies finding
 * different elements.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchOfflineChromium, FIXTURES, MUTATIONS, ROUNDS, SEED } from './config.mjs';
import { pageProgram } from './observer-page.mjs';
import { bundleIife } from './bundle.mjs';

const bundleObserverEntry = () => bundleIife('test/bench/observer-entry.ts', 'FTBench');

/** A Gmail fixture's body, without comments and image loads (nothing to fetch offline, no load/error events during a burst). */
export function fixtureBody(file) {
  const html = readFileSync(join(FIXTURES, file), 'utf8');
  const m = html.match(/<body[^>]*>([\s\S]*)<\/body>/i);
  return (m ? m[1] : html).replace(/<!--[\s\S]*?-->/g, '').replace(/\s(src|srcset)=/gi, ' data-$1=');
}

export async function observerBench() {
  const iife = await bundleObserverEntry();
  const thread = fixtureBody('thread-view-en.html');
  const compose = fixtureBody('compose-dialog.html');

  const browser = await launchOfflineChromium(['--js-flags=--expose-gc']);
  try {
    const version = browser.version();
    const page = await browser.newPage();
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e));
    const URL = 'https://mail.google.com/mail/u/0/#inbox/bench';
    await page.route('**/*', (route) => {
      if (route.request().url().split('#')[0] === URL.split('#')[0]) {
        return route.fulfill({
          status: 200,
          contentType: 'text/html; charset=utf-8',
          // Cross-origin isolated: performance.now() at 5 µs instead of 100 µs resolution.
          headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
          body: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Gmail (bench)</title>
<script>${iife.replace(/<\/script/gi, '<\\/script')}</script><script>(${pageProgram.toString()})();</script></head><body></body></html>`,
        });
      }
      return route.abort('blockedbyclient');
    });
    await page.goto(URL, { waitUntil: 'load' });
    const setup = await page.evaluate((p) => globalThis.benchSetup(p), { thread, compose, rows: 120, labels: 40, targetElements: 6000 });

    const order = [];
    for (let i = 0; i < ROUNDS + 1; i++) order.push(...(i % 2 ? ['naive', 'ours', 'none'] : ['ours', 'naive', 'none']));
    const results = { ours: [], naive: [], none: [] };
    let reference;
    for (let i = 0; i < order.length; i++) {
      const res = await page.evaluate(([s, n, seed]) => globalThis.benchRound(s, n, seed), [order[i], MUTATIONS, SEED]);
      if (pageErrors.length) throw pageErrors[0];
      if (res.strategy !== 'none') {
        if (res.callbacks !== MUTATIONS) {
          throw new Error(`${res.strategy}: ${res.callbacks} observer callbacks for ${MUTATIONS} mutations (expected one each)`);
        }
        const sig = JSON.stringify(res.found);
        if (!reference) reference = { sig, res };
        else if (sig !== reference.sig) {
          throw new Error(
            `FOUND ELEMENTS DIFFER: ${res.strategy} reported ${JSON.stringify(res.foundCounts)} (incl. initial scan) per watcher, ` +
              `${reference.res.strategy} ${JSON.stringify(reference.res.foundCounts)}`,
          );
        }
      }
      if (i >= 3) results[res.strategy].push(res); // first round of each strategy is warm-up
    }
    await page.close();
    return { version, setup, results, reference: reference.res };
  } finally {
    await browser.close();
  }
}
