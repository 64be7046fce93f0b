/**
 * Messages the background sends to a Gmail tab's content script (the other
 * direction from schemas.ts). Checked by hand: the content script must not
 * bundle the validator, and there is one shape.
 */

export const ARM_COMMAND = 'arm-reminder';

export interface ContentCommand {
  v: 1;
  type: 'content.arm';
}

export const armCommand = (): ContentCommand => ({ v: 1, type: 'content.arm' });

export function isContentCommand(x: unknown): x is ContentCommand {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const keys = Object.keys(x);
  const m = x as Record<string, unknown>;
  return keys.length === 2 && m.v === 1 && m.type === 'content.arm';
}
