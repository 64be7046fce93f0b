/** Number formatting, the median, and plain-text / markdown tables for the benchmark output. */

// KB = 1,000 bytes throughout (the reference figures are quoted that way: jQuery 3.7.1 min = 87,533 bytes ≈ 87.5 KB).
export const KB = 1000;

export const kb = (n) => `${(n / KB).toFixed(1)} KB`;
export const pct = (n) => `${(n * 100).toFixed(1)} %`;
// Small ratios get a third decimal, or they would all read 0.02×.
export const ratio = (a, b) => (b > 0 ? `${(a / b).toFixed(a / b < 0.1 ? 3 : 2)}×` : 'n/a');
export const fmtMs = (ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2)) + ' ms';

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Console table: first column left-aligned, the rest right-aligned (they are figures). */
export function table(head, rows) {
  const all = [head, ...rows].map((r) => r.map(String));
  const w = head.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ');
  return [line(all[0]), w.map((n) => '-'.repeat(n)).join('  '), ...all.slice(1).map(line)].join('\n');
}

/** The same table as GitHub markdown, with the same alignment. */
export function mdTable(head, rows) {
  const esc = (c) => String(c).replace(/\|/g, '\\|');
  return [
    `| ${head.map(esc).join(' | ')} |`,
    `| ${head.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}
