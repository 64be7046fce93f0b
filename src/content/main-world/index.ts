/**
 * Page-world entry (MV3 content script, `world: "MAIN"`, document_start).
 * Must run before Gmail's own scripts grab `XMLHttpRequest`/`fetch`.
 */

import { installSendHook } from './send-hook';
import { watchPageInfo } from './page-info';

// A second copy of this script (re-injection) must not watch twice either.
if (installSendHook(window)) watchPageInfo(window);
