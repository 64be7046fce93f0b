import type { RequestType } from './schemas';

/** The parts of `runtime.MessageSender` the policy looks at. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  origin?: string;
  /** The frame a content script's message came from (0: the tab's top frame). */
  frameId?: number;
  /** Chrome only: the document that sent it, so an injection cannot land in the next page of that frame. */
  documentId?: string;
}

export type SenderKind = 'ui' | 'content';

/** Hosts whose pages may talk to us as a content script. */
export const MAIL_ORIGINS = ['https://mail.google.com'] as const;

/** Who may send what: the popup/options pages may do anything; Gmail tabs only what the page UI needs. */
export const ALLOWED_FROM: Record<RequestType, readonly SenderKind[]> = {
  'reminder.create': ['ui', 'content'],
  'reminder.updateDue': ['ui', 'content'],
  'reminder.snooze': ['ui', 'content'],
  'reminder.done': ['ui', 'content'],
  'reminder.reopen': ['ui', 'content'],
  'reminder.cancel': ['ui', 'content'],
  'reminder.delete': ['ui'],
  'reminder.list': ['ui'],
  'reminder.getByThread': ['ui', 'content'],
  'due.preview': ['ui', 'content'],
  'settings.get': ['ui', 'content'],
  'integration.report': ['content'],
  'integration.get': ['ui'],
  'account.seen': ['content'],
  'thread.observed': ['content'],
  'reminder.notReply': ['ui', 'content'],
  'reminder.autoAnswer': ['ui', 'content'],
  'reminder.checkNow': ['ui', 'content'],
  'reminder.restore': ['ui'],
  'reminder.open': ['ui'],
  'settings.set': ['ui'],
  'data.export': ['ui'],
  'data.import': ['ui'],
  'data.exportIcs': ['ui'],
  'data.deleteAll': ['ui'],
  'diagnostics.get': ['ui'],
  'history.summary': ['ui'],
  'thread.sent': ['content'],
  'reminder.replyNow': ['ui'],
  'reminder.setRepeat': ['ui', 'content'],
  'reminder.writeFollowUp': ['ui'],
  'reminder.followUpDraft': ['content'],
  'controls.load': ['content'],
};

/**
 * Classifies a message sender. Only our own extension may talk to us at all
 * (no `externally_connectable`); within it, a sender is `ui` when the
 * message comes from one of our pages and `content` when it comes from a
 * content script in a mail tab. Anything else is refused.
 */
export function classifySender(sender: SenderInfo, extensionId: string, extensionOrigin: string): SenderKind | undefined {
  if (sender.id !== extensionId) return undefined;
  const url = sender.url ?? '';
  // Prefix, not URL#origin: non-special schemes (chrome-extension:) have an opaque origin in some runtimes.
  const base = extensionOrigin.endsWith('/') ? extensionOrigin : `${extensionOrigin}/`;
  if (url.startsWith(base)) return 'ui';
  const tabUrl = sender.tab?.url ?? url;
  if (sender.tab && MAIL_ORIGINS.some((o) => originOf(tabUrl) === o && originOf(url) === o)) return 'content';
  return undefined;
}

export function isAllowed(type: RequestType, kind: SenderKind): boolean {
  return ALLOWED_FROM[type].includes(kind);
}

function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}
