/** The Gmail thread "Write follow-up" works on in the e2e tests (Chromium and Firefox). */
import { bodyOf, domFixture, gmailPage, syncSample } from './gmail-pages';

export const ACCOUNT = 'test@streak.com';
/** The thread of the cvOnReplySend_2 capture: its send response names this thread. */
export const HEX = '18333b13345c3a42';
export const PERM = 'thread-f:1743802434391390786';
export const ALICE = { email: 'alice@example.com', name: 'Alice Example' };
export const BOB = { email: 'bob@example.com', name: 'Bob Builder' };

/** The `.ip.adB` inline reply of thread-view-en.html, filled in as Gmail fills it for the capture. */
function inlineReply(): string {
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

/**
 * The thread (thread-view-received-en.html with the capture's ids), its Reply / Reply all / Forward bar
 * opening the real inline reply. Like Gmail's editor code, the page listens for input events on the
 * document and keeps what it heard (its draft autosave runs on them).
 */
export const threadPage = () =>
  gmailPage({
    account: ACCOUNT,
    body: bodyOf(domFixture('thread-view-received-en.html')),
    setup: `
      const h2 = document.querySelector('h2.hP');
      h2.setAttribute('data-legacy-thread-id', '${HEX}');
      h2.setAttribute('data-thread-perm-id', '${PERM}');
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

