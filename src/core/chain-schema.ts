/**
 * The one validation of follow-up chains and their defaults: the settings
 * (storage, options page, backup) and every stored chain (backup, undo) use
 * these, so the bounds are stated once (CHAIN_LIMITS).
 */
import * as v from 'valibot';
import { CHAIN_LIMITS, MAX_CHAIN_SENT } from './chain';
import { messageIdField } from './protocol/fields';

const instant = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(8.64e15));
const days = v.pipe(v.number(), v.integer(), v.minValue(CHAIN_LIMITS.minDays), v.maxValue(CHAIN_LIMITS.maxDays));
const steps = v.pipe(v.array(days), v.minLength(1, 'Give at least one step'), v.maxLength(CHAIN_LIMITS.maxSteps));
const cap = v.pipe(v.number(), v.integer(), v.minValue(CHAIN_LIMITS.minCap), v.maxValue(CHAIN_LIMITS.maxCap));

export const FollowUpPrefsSchema = v.object({ repeat: v.boolean(), steps, cap });

export const FollowUpChainSchema = v.strictObject({
  repeat: v.boolean(),
  steps,
  cap,
  sent: v.pipe(
    v.array(
      v.strictObject({
        at: instant,
        messageId: v.optional(messageIdField),
        clientId: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(64), v.regex(/^[\w-]+$/, 'Invalid id'))),
      }),
    ),
    v.maxLength(MAX_CHAIN_SENT),
  ),
});
