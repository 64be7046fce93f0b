/**
 * Page-world entry (MV3 content script, `world: "MAIN"`, document_start).
 * Must run before Gmail's own scripts grab `XMLHttpRequest`/`fetch`.
 */

import { installSendHook } from './send-hook';
import { watchPageInfo } from './page-info';
import { isGmailAppWindow } from '../gmail/page-kind';

// Only Gmail's app sends mail: its print view, static pages and frames are left exactly as they are.
if (isGmailAppWindow(window)) {
  // A second copy (injected after an update) leaves the first copy's hooks in place, so each send is
  // delivered once, but posts the account again: the new isolated script has not heard the first post.
  installSendHook(window);
  watchPageInfo(window);
}
