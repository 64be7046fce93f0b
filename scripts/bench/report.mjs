/**
 * Writes the section "Gmail content script" of docs/benchmarks.md from the figures in summary.mjs.
 * Only that section is replaced; the rest of the file (other benches' sections) is kept byte for byte.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import os from 'node:os';
import { DOCS, MUTATIONS, ROUNDS } from './config.mjs';
import { mdTable, ratio } from './format.mjs';
import { TARGET, moduleTable } from './summary.mjs';

export const SECTION = 'Gmail content script';

export function writeReport(payload, breakdown, observer) {
  const { sizeHead, sizeRows, targetHead, targetRows, within, total } = payload;
  const { setup, ref, obsHead, obsRows, speedup, version } = observer;
  const spread = (s) => observer.spread[s];
  const modules = breakdown && moduleTable(breakdown);

  const cpus = os.cpus();
  const machine = `${cpus[0]?.model?.trim() ?? 'unknown CPU'}, ${cpus.length} cores, ${os.type()} ${os.release()} ${os.arch()}, Node ${process.version}, Chromium ${version}`;
  const date = new Date().toISOString().slice(0, 10);
  const md = `
Measured ${date} by \`npm run bench\` (scripts/bench-content.mjs) on ${machine}.

### Payload injected into Gmail

Every file the built manifest (dist/manifest.json \`content_scripts\`) injects, plus any dist file their code names (none today). Bytes as built (minified by vite) and gzipped with node:zlib level 9; KB = 1,000 bytes.

${mdTable(sizeHead, sizeRows)}

${mdTable(targetHead, targetRows)}

Targets: ≤ 25 KB minified, ≤ 10 KB gzipped — ${within.min && within.gz ? 'both met' : `**not met** (${[!within.min && `minified ${ratio(total.min, TARGET.min)} the target`, !within.gz && `gzipped ${ratio(total.gz, TARGET.gz)} the target`].filter(Boolean).join(', ')})`}. References (from the issue): @inboxsdk/core ≈ 2.8 MB (≈ 660 KB gzipped); gmail-js 168 KB + jQuery 3.7.1 min ≈ 87.5 KB (no gzipped figure given).
${
  breakdown
    ? `
#### Isolated-world bundle by module

The same entry rebuilt in memory the way @crxjs builds standalone content scripts (vite lib mode, IIFE, minified; ${breakdown.bundleBytes.toLocaleString('en')} B vs ${breakdown.distBytes.toLocaleString('en')} B in dist/), recording each module's rendered length (before minification). "≈ min B" is the module's share of the built file, an estimate.

${mdTable(modules.head, modules.rows)}
`
    : ''
}
### Observer cost in Chromium

\`watchAdded\` (src/content/controller/added-elements.ts) with the watcher list of src/content/controller/page.ts (${setup.selectors.map((s) => `\`${s}\``).join('; ')}) against a naive baseline observer that, on every callback, runs \`document.querySelectorAll\` for each selector and diffs with a Set. Both get the same no-op \`onFound\` (records the elements).

Method: headless Chromium (playwright-core), page served offline from a routed https://mail.google.com URL, cross-origin isolated so \`performance.now()\` has 5 µs resolution (crossOriginIsolated=${setup.crossOriginIsolated}). Page: thread-view-en.html (thread with inline reply compose and toolbars) + compose-dialog.html (the real compose) in a compose dock + a hidden inbox list of 120 Gmail-like rows + 40 nav labels + hidden menu padding = ${ref.elements.toLocaleString('en')} elements. Each round rebuilds that page, attaches one strategy, then applies the same seeded burst of ${MUTATIONS} Gmail-like DOM updates (${ref.mix.map(([n, c]) => `${n} ${c}`).join(', ')}), each followed by one microtask yield (\`await null\`), so every update gets its own observer callback (checked: ${MUTATIONS} callbacks per round). Time is summed inside the observer callback (MutationObserver subclass wrapping the callback with \`performance.now()\`). Rounds alternate ours / naive / no observer; one warm-up each, then ${ROUNDS} measured; medians. The script fails if the two strategies report different elements.

${mdTable(obsHead, obsRows)}

**naive / ours (time inside observer callbacks): ${speedup.toFixed(1)}×.** Range over rounds: ours ${spread('ours')}, naive ${spread('naive')}. Elements reported per watcher (same for both, incl. the initial scan): ${ref.foundCounts.join(' / ')}.
`;
  mkdirSync(dirname(DOCS), { recursive: true });
  const before = existsSync(DOCS) ? readFileSync(DOCS, 'utf8') : '';
  writeFileSync(DOCS, replaceSection(before, SECTION, md));
}

/** `doc` with the section under `heading` replaced by `body` (appended if missing; a new file if `doc` is empty). */
export function replaceSection(doc, heading, body) {
  const section = `## ${heading}\n\n${body.trim()}\n`;
  if (!doc.trim()) return `# Benchmarks\n\nFigures from \`npm run bench\`; each is compared with a baseline run in the same process.\n\n${section}`;
  const lines = doc.split('\n');
  const start = lines.findIndex((l) => /^#{1,6}\s/.test(l) && l.replace(/^#+\s*/, '').trim() === heading);
  if (start < 0) return `${doc.replace(/\s*$/, '')}\n\n${section}`;
  const level = lines[start].match(/^#+/)[0].length;
  let end = lines.findIndex((l, i) => i > start && /^#{1,6}\s/.test(l) && l.match(/^#+/)[0].length <= level);
  if (end < 0) end = lines.length;
  // Only this section changes: the text before and after it is kept byte for byte.
  const replaced = `${'#'.repeat(level)} ${heading}\n\n${body.trim()}\n`;
  const before = lines.slice(0, start).join('\n');
  const after = lines.slice(end).join('\n');
  return `${before}${start > 0 ? '\n' : ''}${replaced}${end < lines.length ? `\n${after}` : ''}`;
}
