import { bench, describe } from 'vitest';
import { parseDocument } from 'htmlparser2';
import { parsePrintView } from '../../src/core/replies/print-view';
import { LONG_THREAD_ACCOUNT, LONG_THREAD_ZONE, longThreadHtml } from '../fixtures/gmail/print-view/long-thread';

// Each group has a baseline; vitest prints our figure as a ratio against it.
const html = longThreadHtml(100);
const opts = { expectedAccount: LONG_THREAD_ACCOUNT, timeZone: LONG_THREAD_ZONE };
if (!parsePrintView(html, opts).ok) throw new Error('bench page does not parse');

describe(`Gmail print view, 100-message thread (${Math.round(html.length / 1024)} KB)`, () => {
  bench('baseline: htmlparser2 parseDocument alone', () => {
    parseDocument(html);
  });
  bench('parsePrintView (bounded parse, account, 100 senders/recipients/dates in America/New_York)', () => {
    parsePrintView(html, opts);
  });
});

// Time zones: the same page calibrated from the tracked message (Jane's first), when the settings zone is the
// page's (the common case: one hint check) and when it is not (every IANA zone that had the page's offset tried).
const tracked = { sentAt: Date.UTC(2025, 0, 6, 14, 0, 12, 345), isOwn: (e: string) => e === LONG_THREAD_ACCOUNT };
const calibrated = { ...opts, tracked, now: Date.UTC(2025, 2, 1) };
const elsewhere = { ...calibrated, timeZone: 'Europe/Berlin' };
for (const o of [calibrated, elsewhere]) {
  const r = parsePrintView(html, o);
  if (!r.ok || r.clock?.basis !== 'calibrated') throw new Error('bench page does not calibrate');
}

describe('Gmail print view, 100-message thread: dates read in the zone the page is printed in', () => {
  bench('baseline: parsePrintView, every date in the settings zone (no calibration)', () => {
    parsePrintView(html, opts);
  });
  bench('calibrated from the tracked message, settings zone = page zone', () => {
    parsePrintView(html, calibrated);
  });
  bench('calibrated from the tracked message, settings in Berlin, page in New York (zone candidates)', () => {
    parsePrintView(html, elsewhere);
  });
});
