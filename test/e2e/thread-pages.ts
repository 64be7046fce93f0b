/**
 * A Gmail thread page the user received (Bob wrote last) whose Reply opens
 * the real inline reply, and the ids of the cvOnReplySend_2 capture whose
 * send response names it. Shared by the e2e tests that write in a thread.
 */
import { bodyOf, domFixture, gmailPage, syncSample, type GmailPageSpec } from './gmail-pages';

export const ACCOUNT = 'test@streak.com';
/** The thread of the cvOnReplySend_2 capture: its send response names this thread. */
export const HEX = '18333b13345c3a42';
export const PERM = 'thread-f:1743802434391390786';
export const ALICE = { email: 'alice@example.com', name: 'Alice Example' };
export const BOB = { email: 'bob@example.com', name: 'Bob Builder' };

/** The `.ip.adB` inline reply of thread-view-en.html (balanced by its divs), filled in as Gmail fills it for the capture. */
export function inlineReply(): string {
  const html = domFixture('thread-view-en.html');
  const start = html.indexOf('<div class="ip adB"');
  let depth = 0;
  const tags = /<div\b|<\/div>/g;
  tags.lastIndex = start;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    depth += m[0] === '</div>' ? -1 : 1;
    if (depth === 0) {
      return html
        .slice(start, m.index + m[0].length)
        .replace('value="#msg-a:r-1111222233334444555"', 'value="#msg-a:r2026878197680476540"')
        .replace(/name="lts" value="[^"]*"/, `name="lts" value="${HEX}"`);
    }
  }
  throw new Error('no inline reply in the fixture');
}

/** The capture's ids on the thread heading, as Gmail names the thread there. */
const THREAD_IDS = `
      const h2 = document.querySelector('h2.hP');
      h2.setAttribute('data-legacy-thread-id', '${HEX}');
      h2.setAttribute('data-thread-perm-id', '${PERM}');`;

/** A received thread (Bob wrote last), no reply open; Reply opens the real inline reply. */
export const receivedThread = () =>
  gmailPage({
    account: ACCOUNT,
    body: bodyOf(domFixture('thread-view-received-en.html')),
    setup: THREAD_IDS,
    syncRequest: syncSample('cvOnReplySend_2_request'),
    replyTemplate: inlineReply(),
  });

/**
 * The received thread of "Write follow-up" (Chromium and Firefox). Like Gmail's editor code, the page also
 * listens for input events on the document and keeps what it heard (its draft autosave runs on them).
 */
export const threadPage = () =>
  gmailPage({
    account: ACCOUNT,
    body: bodyOf(domFixture('thread-view-received-en.html')),
    setup: `${THREAD_IDS}
      window.__editorEvents = [];
      for (const type of ['beforeinput', 'input']) {
        document.addEventListener(type, (e) => {
          if (e.target instanceof Element && e.target.closest('[contenteditable=true]')) {
            window.__editorEvents.push({ type, inputType: e.inputType, data: e.data, trusted: e.isTrusted });
          }
        });
      }`,
    syncRequest: syncSample('cvOnReplySend_2_request'),
    replyTemplate: inlineReply(),
  });

/** The thread of thread-view-en.html with the capture's ids and no reply open. */
export const threadWithoutReply = (extra: Partial<GmailPageSpec> = {}) =>
  gmailPage({
    account: ACCOUNT,
    body: bodyOf(domFixture('thread-view-en.html')),
    setup: `${THREAD_IDS}
      document.querySelector('.ip.adB')?.remove();`,
    ...extra,
  });
