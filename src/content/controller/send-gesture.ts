/**
 * Sees the user send a compose — and holds a Send back when the compose's
 * reminder cannot be kept as asked.
 *
 * Gmail's Send is a Closure button: it acts on mouseup after a mousedown on
 * it (a click may never reach it once the compose has closed), on a key
 * press on it, and on Ctrl/⌘+Enter anywhere in the compose. Our listeners
 * sit on the compose root in the capture phase, so they see each of these
 * before Gmail's handlers below; holding a Send back stops the whole gesture
 * there. When our own code fails the gesture goes on untouched: Gmail's Send
 * must never break because of us.
 */
export interface SendGestureHooks {
  /** Removes the listeners when aborted (the script is being replaced). */
  signal?: AbortSignal;
  /** Whether `target` is (inside) this compose's Send button. */
  isSend(target: Element): boolean;
  /** A send gesture happened (may be called more than once per Send: the caller de-duplicates). */
  onSend(): void;
  /** Why this Send must be held back, or null to let it go. Asked once per gesture. */
  holdReason(): string | null;
  /** The send was held back for `reason` (once per gesture). */
  onHeld(reason: string): void;
  warn(what: string, error: unknown): void;
}

const isSendKey = (k: KeyboardEvent) => k.key === 'Enter' || k.key === ' ';

export function listenForSendGesture(root: Element, hooks: SendGestureHooks): void {
  /** The gesture on Send in progress (mousedown … click, keydown … keyup): held or not, decided at its start. */
  let held = false;
  /** A mousedown on Send was seen: Gmail acts on the mouseup that follows it. */
  let pressed = false;

  const sendTarget = (e: Event): boolean => {
    const target = e.target instanceof Element ? e.target : null;
    // Most events in a compose are in its body: only a button is worth locating Send for.
    return Boolean(target?.closest('[role=button]') && hooks.isSend(target));
  };

  const hold = (e: Event) => {
    e.preventDefault();
    e.stopImmediatePropagation();
  };

  /** Decides at the start of a gesture; true when it is held back. */
  const start = (e: Event): boolean => {
    let reason: string | null = null;
    try {
      reason = hooks.holdReason();
    } catch (error) {
      hooks.warn('send check failed', error);
    }
    held = reason !== null;
    if (!held) return false;
    hold(e);
    try {
      hooks.onHeld(reason!);
    } catch (error) {
      hooks.warn('explaining a held send failed', error);
    }
    return true;
  };

  const guarded = (fn: (e: Event) => void) => (e: Event) => {
    try {
      fn(e);
    } catch (error) {
      hooks.warn('send capture failed', error);
    }
  };

  root.addEventListener('mousedown', guarded((e) => {
    pressed = (e as MouseEvent).button === 0 && sendTarget(e);
    if (pressed) start(e);
  }), { capture: true, signal: hooks.signal });

  root.addEventListener('mouseup', guarded((e) => {
    if (!pressed || (e as MouseEvent).button !== 0 || !sendTarget(e)) return;
    pressed = false;
    if (held) return hold(e);
    hooks.onSend();
  }), { capture: true, signal: hooks.signal });

  root.addEventListener('click', guarded((e) => {
    if (!sendTarget(e)) return;
    if (held) {
      held = false;
      return hold(e);
    }
    // A click without our mousedown (assistive technology, element.click()) starts and ends its own gesture.
    if ((e as MouseEvent).detail === 0 && start(e)) {
      held = false;
      return;
    }
    hooks.onSend();
  }), { capture: true, signal: hooks.signal });

  root.addEventListener('keydown', guarded((e) => {
    const k = e as KeyboardEvent;
    const shortcut = k.key === 'Enter' && (k.ctrlKey || k.metaKey);
    if (!shortcut && !(isSendKey(k) && sendTarget(e))) return;
    if (k.repeat && held) return hold(e);
    if (!start(e)) hooks.onSend();
  }), { capture: true, signal: hooks.signal });

  // Closure buttons act on the key's release too (Space): a held key gesture is held to its end.
  root.addEventListener('keyup', guarded((e) => {
    const k = e as KeyboardEvent;
    if (!held || !isSendKey(k)) return;
    // The held gesture ends with its key, wherever the focus is (a held Ctrl+Enter must not swallow a later Send).
    held = false;
    if (sendTarget(e)) hold(e);
  }), { capture: true, signal: hooks.signal });
}
