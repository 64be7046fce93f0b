import { describe, expect, it } from 'vitest';
import { retentionCutoff } from '../../../src/core/retention';

const at = (iso: string) => Date.parse(iso);

describe('retentionCutoff', () => {
  it('goes back whole calendar months from now', () => {
    expect(retentionCutoff(at('2026-12-06T23:10:00Z'), 12)).toBe(at('2025-12-06T23:10:00Z'));
    expect(retentionCutoff(at('2026-03-15T08:00:00Z'), 3)).toBe(at('2025-12-15T08:00:00Z'));
  });

  it('lands on the last day of a shorter month', () => {
    expect(retentionCutoff(at('2026-05-31T12:00:00Z'), 3)).toBe(at('2026-02-28T12:00:00Z'));
    expect(retentionCutoff(at('2024-02-29T00:00:00Z'), 12)).toBe(at('2023-02-28T00:00:00Z'));
  });

  it('keeps everything for 0 ("keep forever")', () => {
    expect(retentionCutoff(at('2026-12-06T00:00:00Z'), 0)).toBeUndefined();
  });
});
