/** What "Write follow-up" takes from the chain and template cores, in the shape src/background/follow-up.ts asks for. */
import { defaultChain, nextFollowUpDue } from '../core/chain';
import { renderFollowUp } from '../core/templates';
import type { NextFollowUp, RenderFollowUp } from './follow-up';

/** The nudge in the UI language (German or English templates; dates in the UI's own locale). */
export const followUpText: RenderFollowUp = (reminder, settings, { locale, now, myName }) =>
  renderFollowUp(reminder, settings, { locale: locale.toLowerCase().startsWith('de') ? 'de' : 'en', formatLocale: locale, now, ...(myName ? { myName } : {}) });

/** The chain's next step with how many follow-ups it plans (`of`); a reminder from before chains has the default chain. */
export const nextChainStep: NextFollowUp = (reminder, settings, now) => {
  const next = nextFollowUpDue(reminder, settings, now);
  return next && { ...next, of: (reminder.chain ?? defaultChain(settings)).cap };
};
