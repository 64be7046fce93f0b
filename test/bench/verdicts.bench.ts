import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { bench, describe } from 'vitest';
import { judgeReplies } from '../../src/core/replies/judge';
import { withStableIds } from '../../src/core/replies/outcome';
import { parsePrintView } from '../../src/core/replies/print-view';
import { evaluateCorpus } from '../fixtures/auto-answers/evaluate';
import { verdictReport } from '../fixtures/auto-answers/report';
import { LONG_THREAD_ACCOUNT, LONG_THREAD_ZONE, longThreadHtml, longThreadMessages } from '../fixtures/gmail/print-view/long-thread';

/**
 * The whole reply verdict for a 100-message thread (print-view parse with
 * body text, then judgeReplies with automatic-answer classification)
 * against today's parse without bodies, measured in the same process, and
 * the corpus's confusion table: both go to docs/verdicts.md.
 */
const html = longThreadHtml(100);
const headersOnly = { expectedAccount: LONG_THREAD_ACCOUNT, timeZone: LONG_THREAD_ZONE, bodies: false };
const withBodies = { expectedAccount: LONG_THREAD_ACCOUNT, timeZone: LONG_THREAD_ZONE };
// The tracked message is the first: every later message of the other side is classified (the worst case).
const tracked = { sentAt: longThreadMessages(100)[0]!.at };
const rules = { ownAddresses: [LONG_THREAD_ACCOUNT], plusAddressing: false, autoRepliesCount: false, ignoredIds: [], timeZone: LONG_THREAD_ZONE };

function verdict() {
  const page = parsePrintView(html, withBodies);
  if (!page.ok) throw new Error(`bench page does not parse: ${page.detail}`);
  return judgeReplies(withStableIds(page.messages), tracked, rules);
}
if (verdict().kind !== 'replied') throw new Error('bench thread should be answered');

/** Medians of interleaved rounds (so load on a shared machine hits all three alike). */
function measure(rounds: number) {
  const runs = { headersOnly: [] as number[], withBodies: [] as number[], verdict: [] as number[] };
  const time = (f: () => unknown) => {
    const start = performance.now();
    f();
    return performance.now() - start;
  };
  for (let i = 0; i < 5; i++) verdict();
  for (let i = 0; i < rounds; i++) {
    runs.headersOnly.push(time(() => parsePrintView(html, headersOnly)));
    runs.withBodies.push(time(() => parsePrintView(html, withBodies)));
    runs.verdict.push(time(verdict));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { headersOnly: median(runs.headersOnly), withBodies: median(runs.withBodies), verdict: median(runs.verdict), rounds };
}

const timing = { ...measure(Number(process.env['BENCH_VERDICT_ROUNDS'] ?? 31)), messages: 100, kb: Math.round(html.length / 1024) };
const env = `${os.cpus()[0]?.model.trim() ?? 'CPU'} ×${os.cpus().length}, Node ${process.version}, load ${os.loadavg()[0]!.toFixed(2)}.`;
writeFileSync(new URL('../../docs/verdicts.md', import.meta.url), verdictReport(evaluateCorpus(), timing, env));
console.log(`docs/verdicts.md: verdict ${timing.verdict.toFixed(2)} ms vs headers-only parse ${timing.headersOnly.toFixed(2)} ms (${(timing.verdict / timing.headersOnly).toFixed(2)}×)`);

describe(`Reply verdict, 100-message thread (${timing.kb} KB)`, () => {
  bench('baseline: parsePrintView headers only (as before automatic answers)', () => {
    parsePrintView(html, headersOnly);
  });
  bench('verdict: parsePrintView with bodies + judgeReplies with text classification', () => {
    verdict();
  });
});
