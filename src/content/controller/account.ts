import { accountFromTitle } from '../gmail/account';

/**
 * The signed-in address of this Gmail tab: Gmail's own page data when the
 * page-world script delivered it, else the document title. The `/u/N` index
 * is never used as identity: it changes when accounts are added or removed.
 */
export function createAccountSource(doc: Document) {
  let fromPage: string | undefined;
  return {
    setFromPage(email: string): void {
      fromPage = email;
    },
    current(): string | undefined {
      return fromPage ?? accountFromTitle(doc.title);
    },
  };
}

export type AccountSource = ReturnType<typeof createAccountSource>;
