import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

const FOCUSABLE = 'button:not([disabled]),input:not([disabled]),select:not([disabled]),summary';

export interface DialogProps {
  label: string;
  onClose(): void;
  children: ComponentChildren;
}

/**
 * A modal panel over the checklist: focus starts inside, Escape or a click
 * outside closes it, the arrows move between its buttons (a date-time field
 * keeps its own arrows). The caller puts focus back where it was.
 */
export function Dialog({ label, onClose, children }: DialogProps) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current!;
    if (!el.contains(el.ownerDocument.activeElement)) el.querySelector<HTMLElement>(FOCUSABLE)?.focus();
  }, []);

  const onKeyDown = (e: KeyboardEvent) => {
    const target = e.target as HTMLInputElement;
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key === 'Tab') {
      // Keep Tab inside the dialog.
      const items = [...ref.current!.querySelectorAll<HTMLElement>(FOCUSABLE)];
      const i = items.indexOf(target);
      if ((e.shiftKey && i <= 0) || (!e.shiftKey && i === items.length - 1)) {
        e.preventDefault();
        items[e.shiftKey ? items.length - 1 : 0]?.focus();
      }
      return;
    }
    if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && target.tagName !== 'INPUT') {
      e.preventDefault();
      const items = [...ref.current!.querySelectorAll<HTMLElement>('button:not([disabled]),summary')];
      const n = items.length;
      const i = items.indexOf(target);
      items[(i + (e.key === 'ArrowDown' ? 1 : n - 1)) % n]?.focus();
    }
  };

  return (
    <div class="scrim" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div ref={ref} class="dialog" role="dialog" aria-modal="true" aria-label={label} onKeyDown={onKeyDown}>
        {children}
      </div>
    </div>
  );
}
