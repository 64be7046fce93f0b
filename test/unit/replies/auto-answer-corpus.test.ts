import { describe, expect, it } from 'vitest';
import { AUTOMATIC, CORPUS, HUMAN } from '../../fixtures/auto-answers/corpus';
import { evaluateCorpus } from '../../fixtures/auto-answers/evaluate';

/**
 * The labelled corpus through the real verdict (judgeReplies): the issue's
 * thresholds — automatic answers recognised ≥ 95 %, people taken for
 * automatic ≤ 1 % — and every stated return date read right.
 */
describe('automatic-answer corpus', () => {
  const result = evaluateCorpus();

  it('holds at least 200 texts in at least 8 languages, automatic and human, with the traps', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(200);
    expect(result.languages.length).toBeGreaterThanOrEqual(8);
    expect(AUTOMATIC.length).toBeGreaterThan(100);
    expect(HUMAN.length).toBeGreaterThan(100);
    const traps = new Set(HUMAN.flatMap((h) => (h.trap ? [h.trap] : [])));
    for (const trap of ['was away', 'quotes an auto-reply', 'two words', 'will be away, answers']) expect(traps).toContain(trap);
    const families = new Set(AUTOMATIC.map((a) => a.family));
    for (const f of ['out-of-office', 'vacation', 'parental-leave', 'sick-leave', 'left-company', 'acknowledgement', 'unmonitored']) expect(families).toContain(f);
  });

  it('recognises at least 95 % of automatic answers', () => {
    const missed = result.judged.filter((j) => j.entry.auto && j.verdict !== 'auto').map((j) => `${j.entry.lang}: ${j.entry.text.slice(0, 80)}`);
    expect(result.autoRecall, missed.join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('takes at most 1 % of people for automatic answers', () => {
    const wrong = result.judged.filter((j) => !j.entry.auto && j.verdict === 'auto').map((j) => `${j.entry.lang}: ${j.entry.text.slice(0, 80)} (${j.detail})`);
    expect(result.humanTakenForAuto, wrong.join('\n')).toBeLessThanOrEqual(0.01);
  });

  it('every trap stays a reply (possibly flagged, never kept waiting)', () => {
    const trapped = result.judged.filter((j) => j.entry.trap && j.verdict === 'auto');
    expect(trapped.map((j) => j.entry.text.slice(0, 60))).toEqual([]);
  });

  it('reads the stated return of every corpus answer that states one (en, de, fr, es, it, nl)', () => {
    const wrong = result.judged
      .filter((j) => j.entry.backOn && (j.backOn !== j.entry.backOn || (j.entry.until !== undefined && j.until !== j.entry.until)))
      .map((j) => `${j.entry.text.slice(0, 70)} → until ${j.until} back ${j.backOn}, expected ${j.entry.until} / ${j.entry.backOn}`);
    expect(wrong).toEqual([]);
    expect(new Set(result.judged.filter((j) => j.entry.backOn).map((j) => j.entry.lang))).toEqual(new Set(['en', 'de', 'fr', 'es', 'it', 'nl']));
  });

  it('names the family of what it recognised', () => {
    const wrongFamily = result.judged.filter((j) => j.entry.auto && j.verdict === 'auto' && j.family !== j.entry.family && !(j.entry.family === 'automatic'));
    // "Automatic reply … out of office" may legitimately be named by the more specific family.
    expect(wrongFamily.length / AUTOMATIC.length).toBeLessThanOrEqual(0.1);
  });
});
