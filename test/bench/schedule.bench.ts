import { bench, describe } from 'vitest';
import * as chrono from 'chrono-node';
import { parseDue } from '../../src/core/schedule/natural';
import { resolvePreset } from '../../src/core/schedule/presets';
import { zonedParts, zonedToInstant } from '../../src/core/time/zoned';
import { defaultSettings } from '../../src/core/settings';

// Each group has a baseline; vitest prints our figure as a ratio against it.
const prefs = defaultSettings('Europe/Berlin').schedule;
const now = Date.UTC(2026, 2, 25, 21, 30);
const phrases = ['in 3 days', 'next Monday 9am', 'übermorgen', 'nächsten Freitag 14 Uhr', 'tomorrow 3pm'];

describe('natural-language due input (per 5 phrases)', () => {
  bench('baseline: chrono.en.parseDate alone', () => {
    for (const p of phrases) chrono.en.parseDate(p, new Date(now), { forwardDate: true });
  });
  bench('parseDue (en + de, zone-correct, working hours)', () => {
    for (const p of phrases) parseDue(p, now, prefs);
  });
});

describe('wall clock ⇄ instant (per 100 conversions)', () => {
  bench('baseline: Date#getHours/new Date(y,m,d,h) in the process zone', () => {
    for (let i = 0; i < 100; i++) {
      const d = new Date(now + i * 3_600_000);
      new Date(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), 0).getTime();
    }
  });
  bench('zonedParts + zonedToInstant in Europe/Berlin', () => {
    for (let i = 0; i < 100; i++) zonedToInstant(zonedParts(now + i * 3_600_000, 'Europe/Berlin'), 'Europe/Berlin');
  });
  bench('resolvePreset in-3-days (x100)', () => {
    for (let i = 0; i < 100; i++) resolvePreset('in-3-days', now + i * 3_600_000, prefs);
  });
});
