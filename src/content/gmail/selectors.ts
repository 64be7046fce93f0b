/**
 * Every CSS selector the Gmail adapter uses, in one place. Gmail's markup is
 * undocumented: each anchor is language-independent (class chains, `data-*`
 * ids, form input names, roles, `gh` attributes) — never text, aria-label or
 * data-tooltip, which follow the UI language. Class anchors have a role,
 * attribute or structural fallback beside them because short class names are
 * turning into hashed tokens (2026 A/B tests).
 *
 * The comment on each names the fixture in test/fixtures/gmail/dom/ that
 * proves it (compose-dialog.html is real; the others are reconstructed from
 * the documented structure). test/unit/gmail-dom/selectors.test.ts checks
 * that every export here is exercised.
 */

// ---- Compose -------------------------------------------------------------

/** Compose root (carries the `jslog` with client ids) — compose-dialog.html, thread-view-en.html. */
export const COMPOSE_ROOT = 'div.M9';
/** Fallback root for a compose window: the dialog around its form — compose-2026-hashed.html. */
export const COMPOSE_DIALOG = '[role=dialog]';
/** The compose form; which form is a compose is decided by COMPOSE_FORM_MARKER — compose-2026-hashed.html. */
export const COMPOSE_FORM = 'form';
/** Inputs only a compose form has (names are not translated) — compose-dialog.html, compose-2026-hashed.html. */
export const COMPOSE_FORM_MARKER = 'input[name=composeid], input[name=subjectbox]';
/** Inline reply area inside a message (2024+: `.M9` is no longer its first child) — thread-view-en.html. */
export const INLINE_REPLY_AREA = '.ip.adB';
/** Main pane: a compose inside it is an inline reply, compose windows live outside — thread-view-en.html. */
export const MAIN_PANE = '.AO';
/** Full-screen compose container (README, InboxSDK) — compose-fullscreen.html. */
export const FULLSCREEN_CONTAINER = '.aSs .aSt';
/** Standalone pop-out compose page body (InboxSDK's isStandaloneComposeWindow) — compose-dialog.html with body classes set by the test. */
export const POPOUT_BODY = 'body.xE.xp';

/** Send row of a compose — compose-dialog.html. */
export const SEND_ROW = 'table.IZ tr.btC';
/** Structural fallback: the send row table is the compose's only `table[role=group]` — compose-2026-hashed.html. */
export const SEND_ROW_FALLBACK = 'table[role=group] tr';
/** The send group cell: where our control goes, beside Send — compose-dialog.html. */
export const SEND_CELL = 'td.gU.Up';
/** Send itself: not send & archive (`.Uo`), not the more-send arrow (`[aria-haspopup=true]`) — compose-dialog.html. */
export const SEND_BUTTON = '.IZ .Up div > div[role=button]:not(.Uo):not([aria-haspopup=true])';
/**
 * Fallback: such a button in the first cell of the send row table (Send's cell comes first; later cells hold
 * Discard, which is also a plain `div > div[role=button]`) — compose-2026-hashed.html.
 */
export const SEND_BUTTON_FALLBACK = 'table[role=group] tr > td:first-child div > div[role=button]:not(.Uo):not([aria-haspopup=true])';

/** The more-send arrow beside Send, which opens the menu holding "Schedule send" — compose-dialog.html. */
export const MORE_SEND_ARROW = '.IZ .Up div[role=button][aria-haspopup=true]';
/** Gmail's "Schedule send" menu item (its `selector` attribute is not translated) — compose-dialog.html, compose-new-de.html. */
export const SCHEDULE_SEND_ITEM = '[selector=scheduledSend]';

/** Subject input (form name, not translated) — compose-dialog.html, compose-new-de.html. */
export const SUBJECT_INPUT = 'input[name=subjectbox]';
/** To/Cc/Bcc rows (2020 layout); fallback is the compose form — compose-new-de.html. */
export const RECIPIENT_AREA = 'table.GS';
/** Hidden inputs of committed recipients, value "Name <email>" or "email" — compose-new-de.html, thread-view-en.html. */
export const RECIPIENT_INPUTS = 'input[name=to], input[name=cc], input[name=bcc]';
/** Typed, not yet committed recipients — compose-new-de.html (Cc text). */
export const RECIPIENT_TEXTAREAS = 'textarea[name=to], textarea[name=cc], textarea[name=bcc]';
/** Recipient chips: `email` (2020 chips) or `data-hovercard-id` (newer chips) — compose-new-de.html, compose-2026-hashed.html. */
export const RECIPIENT_CHIPS = '[email], [data-hovercard-id]';
/** Hidden compose id ("1", "2", …) — compose-dialog.html. */
export const COMPOSE_ID_INPUT = 'input[name=composeid]';
/** Hidden draft id: the client message id `#msg-a:r-…` — compose-dialog.html. */
export const DRAFT_INPUT = 'input[name=draft]';
/** Hidden `rt`: the client thread id `#thread-a:r-…` (same as in jslog) — compose-dialog.html. */
export const CLIENT_THREAD_INPUT = 'input[name=rt]';
/** Hidden `lts`: empty for a new message, the hex thread id in a reply (InboxSDK) — thread-view-en.html. */
export const LEGACY_THREAD_INPUT = 'input[name=lts]';
/** Elements whose `jslog` has the `11:` base64 JSON with client ids (`.M9`, the Send button) — compose-dialog.html. */
export const JSLOG_WITH_IDS = '[jslog*="11:"]';
/** Any alert: Gmail's "Message sent" toast is one (`div.b8`, but its class is not relied on) — sent-toast.html. */
export const SENT_TOAST_FALLBACK = '[role=alert]';
/** The toast's Undo link (its id, not its translated text) — sent-toast.html. */
export const SENT_TOAST_UNDO = '#link_undo';

// ---- Thread view ---------------------------------------------------------

/** Thread subject heading with the thread ids — thread-view-en.html, thread-view-de.html. */
export const THREAD_HEADING = 'h2.hP';
/** Fallback: any heading carrying a thread id — thread-view-en.html (classes stripped by the test). */
export const THREAD_HEADING_FALLBACK = 'h2[data-legacy-thread-id], h2[data-thread-perm-id]';
/** Toolbar containers (several exist; pick the visible, relevant one) — thread-view-en.html. */
export const TOOLBAR_CONTAINER = '[gh=tm]';
/** The main toolbar inside a container — thread-view-en.html, thread-view-de.html. */
export const MAIN_TOOLBAR = '[gh=mtb]';
/** A message — thread-view-en.html. */
export const MESSAGE = 'div.adn[data-message-id]';
/** Fallback: anything carrying a message id (outermost wins) — thread-view-de.html (classes stripped by the test). */
export const MESSAGE_FALLBACK = '[data-message-id], [data-legacy-message-id]';
/** Message body; the structural fallbacks never read addresses inside it — thread-view-en.html. */
export const MESSAGE_BODY = 'div.ii.gt';
/** Sender — thread-view-en.html. */
export const SENDER = 'td.gF span[email]';
/** Sender fallback (the sender chip class) — thread-view-en.html. */
export const SENDER_FALLBACK = '.gD[email]';
/** Recipients line — thread-view-en.html, thread-view-de.html. */
export const MESSAGE_RECIPIENTS = '.hb span[email]';
/** Any address in a message header; structural fallback for sender (first) and recipients (rest) — thread-view-en.html. */
export const MESSAGE_ADDRESS = 'span[email]';
/** Date; its `title` holds the full date in the UI language — thread-view-en.html. */
export const MESSAGE_DATE = '.gK .g3[title]';
/** Date fallback: the date span carries both `title` and `alt` — thread-view-de.html. */
export const MESSAGE_DATE_FALLBACK = 'span[title][alt]';

// ---- Replying in a thread --------------------------------------------------

/** A message's own Reply button in its header (not "More", which has aria-haspopup) — thread-view-received-en.html. */
export const MESSAGE_REPLY_BUTTON = '.T-I.J-J5-Ji.T-I-Js-IF.aaq[role=button]';
/** Fallback: the first action of the header's button cell beside the date (Reply comes first) — thread-view-received-en.html. */
export const MESSAGE_REPLY_BUTTON_FALLBACK = 'td.acX > [role=button]:first-child:not([aria-haspopup=true])';
/** The bottom Reply / Reply all / Forward bar; its first item is Reply — thread-view-received-en.html. */
export const REPLY_BAR_FIRST = '.amn > [role=link]:first-child';
/**
 * "Reply all" in the bottom bar (`.ams.bkI`; Gmail shows it only when the message had several recipients;
 * its text is translated, never used) — thread-view-received-en.html.
 */
export const REPLY_ALL_BAR = '.amn > .bkI[role=link]';
/** Fallback when the class is hashed: the middle of exactly three bar items (Reply, Reply all, Forward) — thread-view-received-en.html. */
export const REPLY_ALL_BAR_FALLBACK = '.amn > [role=link]:nth-child(2):nth-last-child(2)';
/** Gmail's editor in a compose (`.Am.Al.editable`) — thread-view-en.html, compose-dialog.html. */
export const COMPOSE_EDITOR = 'div[contenteditable=true][role=textbox]';
/**
 * Inside a message body: what the sender quoted or signed, left out of the
 * body text — Gmail's quote block and signature (`div.gmail_quote`,
 * `blockquote`, `div.gmail_signature`), `div.im` (its quoted-text wrapper in
 * the thread view) — thread-view-auto.html.
 */
export const BODY_QUOTE = '.gmail_quote, blockquote, .gmail_signature, [data-smartmail="gmail_signature"], .gmail_extra, div.im';
