import { ARM_COMMAND, armCommand } from '../core/protocol/content-commands';
import type { Logger } from './ports';

export interface ActiveTabPort {
  /** The focused window's active tab, if any. */
  activeTabId(): Promise<number | undefined>;
  send(tabId: number, message: unknown): Promise<unknown>;
}

/**
 * Keyboard commands: "arm a reminder" is handed to the Gmail tab in front,
 * whose content script knows which compose or thread has the user's focus.
 * No `tabs` permission is needed to message the active tab.
 */
export function createCommandRelay({ activeTab, log }: { activeTab: ActiveTabPort; log: Logger }) {
  return async function onCommand(command: string): Promise<void> {
    if (command !== ARM_COMMAND) return;
    const tabId = await activeTab.activeTabId();
    if (tabId === undefined) return;
    try {
      await activeTab.send(tabId, armCommand());
    } catch (error) {
      // Not a Gmail tab (no receiver there): the shortcut does nothing, as users expect.
      log.warn('Arm command: no Gmail page in the active tab', error instanceof Error ? error.message : error);
    }
  };
}
