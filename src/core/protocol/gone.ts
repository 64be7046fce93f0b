/**
 * What a request from an orphaned content script fails with: its extension
 * was updated, reloaded or removed, so no background will ever answer. The
 * browser's own "Extension context invalidated" is never shown to the user;
 * callers that see this error step aside silently (or hand their work to
 * the script that replaces them).
 */
export class ExtensionGoneError extends Error {
  constructor() {
    super('extension context gone');
    this.name = 'ExtensionGoneError';
  }
}

export const isExtensionGone = (error: unknown): boolean => error instanceof Error && error.name === 'ExtensionGoneError';
