/** Console output of the content-script benchmark; the figures come from summary.mjs. */
import { MUTATIONS, ROUNDS } from './config.mjs';
import { table } from './format.mjs';
import { moduleTable } from './summary.mjs';

export function printPayload(p) {
  console.log('Payload injected into Gmail (KB = 1,000 bytes)\n');
  console.log(table(p.sizeHead, p.sizeRows));
  console.log('\n' + table(p.targetHead, p.targetRows));
}

export function printBreakdown(b) {
  console.log(
    `\nIsolated-world bundle by module (${b.entry}; rendered = before minification; ≈ min = share × ${b.distBytes.toLocaleString('en')} B as built;` +
      ` rebuilt in memory: ${b.bundleBytes.toLocaleString('en')} B, ${b.moduleCount} modules)\n`,
  );
  const { head, rows } = moduleTable(b);
  console.log(table(head, rows));
}

export function printObserver(o) {
  const { ref, setup, version } = o;
  console.log(
    `\n${MUTATIONS} mutations, one observer callback each, on a page of ${ref.elements.toLocaleString('en')} elements ` +
      `(${ref.finalElements.toLocaleString('en')} after the burst); ${ROUNDS} measured rounds per strategy after one warm-up, medians; ` +
      `Chromium ${version}, crossOriginIsolated=${setup.crossOriginIsolated}\n`,
  );
  console.log(table(o.obsHead, o.obsRows));
  console.log(`\nnaive / ours, time inside observer callbacks: ${o.speedup.toFixed(1)}×`);
  console.log(`Both reported the same elements per watcher: ${ref.foundCounts.join(' / ')} (compose / send cell / thread heading+toolbar, incl. initial scan).`);
  console.log('Mutation mix: ' + ref.mix.map(([n, c]) => `${n} ${c}`).join(', '));
}
