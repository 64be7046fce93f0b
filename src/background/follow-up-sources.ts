// TEMPORARY until i11-chain and i11-templates land in main: replaced by core/templates renderFollowUp and core/chain nextFollowUpDue.
import type { NextFollowUp, RenderFollowUp } from './follow-up';

export const followUpText: RenderFollowUp = (reminder) => ({ text: `Hi,\njust following up on "${reminder.thread.subject}".` });
export const nextChainStep: NextFollowUp = () => undefined;
