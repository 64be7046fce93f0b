import type { ComponentChildren, RefObject } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { CLOCK_ICON, stopUnlessShortcut } from './clock-icon';

const FOCUSABLE = 'button:not([disabled]),input:not([disabled])';
/** Where a menu starts and what its arrows move between: its actions, not a choice of options (radios keep their own arrows). */
const FIRST_FOCUS = 'button:not([disabled]),input:not([disabled]):not([type=radio])';

export const focusFirst = (el: Element | null | undefined) => el?.querySelector<HTMLElement>(FOCUSABLE)?.focus();

/** Keeps a label (mail data, other scripts) from reordering the text around it. */
export const isolate = (s: string) => `\u2068${s}\u2069`;

export function ClockIcon() {
  return (
    <svg {...CLOCK_ICON.attrs}>
      <circle {...CLOCK_ICON.circle} />
      <path d={CLOCK_ICON.path} />
    </svg>
  );
}

/** Close the popup; `focusButton` returns focus to the button that opened it. */
export type Close = (focusButton?: boolean) => void;

const stop = stopUnlessShortcut;

export interface DropdownProps {
  /** Visible button text. */
  text: string;
  /** Tooltip of the button and name of the popup. */
  label: string;
  armed?: boolean;
  children(close: Close): ComponentChildren;
}

/** A pill button that opens a popup placed over the page, so Gmail's compose window cannot clip it. */
export function Dropdown({ text, label, armed, children }: DropdownProps) {
  const [open, setOpen] = useState(false);
  const wrap = useRef<HTMLSpanElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const close: Close = (focusButton) => {
    setOpen(false);
    if (focusButton) button.current?.focus();
  };
  return (
    <span
      class="wrap"
      ref={wrap}
      onKeyDown={stop}
      onKeyUp={stop}
      onKeyPress={stop}
      onClick={stop}
      onMouseDown={stop}
      onFocusOut={(e) => {
        const to = e.relatedTarget as Node | null;
        if (to && !wrap.current?.contains(to)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        class={armed ? 'btn armed' : 'btn'}
        title={label}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        <ClockIcon />
        <span>{text}</span>
      </button>
      {open && (
        <Popup anchor={button} wrap={wrap} label={label} close={close}>
          {children(close)}
        </Popup>
      )}
    </span>
  );
}

interface PopupProps {
  anchor: RefObject<HTMLElement>;
  wrap: RefObject<HTMLElement>;
  label: string;
  close: Close;
  children: ComponentChildren;
}

function Popup({ anchor, wrap, label, close, children }: PopupProps) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current!;
    const doc = el.ownerDocument;
    const win = doc.defaultView!;
    // Fixed to the viewport from the button's rect; in the top layer where the browser has one.
    const place = () => {
      const r = anchor.current!.getBoundingClientRect();
      const s = el.style;
      s.maxHeight = '';
      const height = el.offsetHeight;
      const below = win.innerHeight - r.bottom;
      const up = below < height + 8 && r.top > below;
      s.left = `${Math.max(8, Math.min(r.left, win.innerWidth - el.offsetWidth - 8))}px`;
      s.top = up ? '' : `${r.bottom + 4}px`;
      s.bottom = up ? `${win.innerHeight - r.top + 4}px` : '';
      s.maxHeight = `${Math.max(120, (up ? r.top : below) - 12)}px`;
      el.dataset.side = up ? 'top' : 'bottom';
    };
    if (typeof el.showPopover === 'function') {
      el.popover = 'manual';
      try {
        el.showPopover();
      } catch {
        // Not in a document that can show it: position: fixed still applies.
      }
    }
    place();
    // A menu starts at its first action; a choice of options above it (the picker's kind) is one Shift+Tab away.
    el.querySelector<HTMLElement>(FIRST_FOCUS)?.focus();
    const outside = (e: Event) => {
      if (!e.composedPath().includes(wrap.current!)) close();
    };
    doc.addEventListener('mousedown', outside, true);
    win.addEventListener('resize', place);
    win.addEventListener('scroll', place, true);
    return () => {
      doc.removeEventListener('mousedown', outside, true);
      win.removeEventListener('resize', place);
      win.removeEventListener('scroll', place, true);
    };
  }, []);

  const onKeyDown = (e: KeyboardEvent) => {
    const target = e.target as HTMLInputElement;
    const { key } = e;
    if (key === 'Escape') {
      e.preventDefault();
      close(true);
      return;
    }
    const arrow = key === 'ArrowDown' || key === 'ArrowUp';
    // Radio buttons move between their options with the arrows themselves (Tab leaves them).
    if (target.type === 'radio') return;
    // A date-time field uses the arrows itself; text fields need Home and End.
    if ((arrow && target.type !== 'datetime-local') || (!arrow && (key === 'Home' || key === 'End') && target.tagName !== 'INPUT')) {
      e.preventDefault();
      const items = [...ref.current!.querySelectorAll<HTMLElement>(FIRST_FOCUS)];
      const n = items.length;
      const i = items.indexOf(target);
      items[key === 'Home' ? 0 : key === 'End' ? n - 1 : (i + (key === 'ArrowDown' ? 1 : n - 1)) % n]?.focus();
    }
  };

  return (
    <div ref={ref} class="menu" role="dialog" aria-label={label} onKeyDown={onKeyDown}>
      {children}
    </div>
  );
}
