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
