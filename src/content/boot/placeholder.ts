/**
 * The "Remind me" button a compose shows the moment it appears, while the
 * controls are still on their way (they are injected by the background on
 * first need: a round trip that can wake a stopped worker). It looks and
 * sits exactly like the control (same stylesheet, icon, text, place beside
 * Send, theme) so nothing moves when the real one replaces it. A press or
 * the focus on it is not lost: the bootstrap hands both to the real control
 * (press → its picker opens; focus → it has the focus). Plain DOM, no
 * Preact: it is part of the bootstrap in every Gmail page.
 */
import type { ContentDeps } from '../controller/deps';
import { themeOf } from '../controller/theme-of';
import type { ComposeParts } from '../gmail/compose';
import { CLOCK_ICON, stopUnlessShortcut } from '../ui/clock-icon';
import { markOwned } from '../ui/owned';
import { CONTROL_CSS } from '../ui/styles';

/** `data-follow-through` of a placeholder's cell (the control's own cell says `compose`). */
export const PLACEHOLDER = 'pending';
const CELLS = `[data-follow-through=${PLACEHOLDER}]`;
const SVG = 'http://www.w3.org/2000/svg';

export interface Handed {
  /** Compose roots whose placeholder was pressed (their picker should open). */
  pressed: Element[];
  /** The compose root whose placeholder had the focus. */
  focused?: Element;
}

export function createPlaceholders(deps: Pick<ContentDeps, 'doc' | 'win' | 't'>, onPress: () => void) {
  const pressed = new Set<Element>();
  const roots = new WeakMap<Element, Element>();

  function icon(): SVGElement {
    const svg = deps.doc.createElementNS(SVG, 'svg');
    for (const [k, v] of Object.entries(CLOCK_ICON.attrs)) svg.setAttribute(k, v);
    const circle = deps.doc.createElementNS(SVG, 'circle');
    for (const [k, v] of Object.entries(CLOCK_ICON.circle)) circle.setAttribute(k, v);
    const path = deps.doc.createElementNS(SVG, 'path');
    path.setAttribute('d', CLOCK_ICON.path);
    svg.append(circle, path);
    return svg;
  }

  return {
    /** Beside Send in `parts`, unless a control (ours, a placeholder, or a replaced copy's) is there already. */
    show(parts: ComposeParts): void {
      if (parts.sendRow.querySelector('[data-follow-through]')) return;
      const cell = deps.doc.createElement('td');
      cell.setAttribute('data-follow-through', PLACEHOLDER);
      const host = deps.doc.createElement('follow-through-control');
      host.setAttribute('data-theme', themeOf(deps.win, parts.root));
      const shadow = host.attachShadow({ mode: 'open' });
      const style = deps.doc.createElement('style');
      style.textContent = CONTROL_CSS;
      const wrap = deps.doc.createElement('span');
      wrap.className = 'wrap';
      for (const type of ['keydown', 'keyup', 'keypress', 'click', 'mousedown']) wrap.addEventListener(type, stopUnlessShortcut);
      const button = deps.doc.createElement('button');
      button.type = 'button';
      button.className = 'btn';
      button.title = deps.t('remindLabel');
      button.setAttribute('aria-haspopup', 'dialog');
      button.setAttribute('aria-expanded', 'false');
      const text = deps.doc.createElement('span');
      text.textContent = deps.t('remindButton');
      button.append(icon(), text);
      button.addEventListener('click', () => {
        pressed.add(parts.root);
        onPress();
      });
      wrap.append(button);
      shadow.append(style, wrap);
      cell.append(host);
      markOwned(host);
      roots.set(host, parts.root);
      parts.sendCell.after(cell);
    },

    /** Removes every placeholder; says which were pressed or focused, for the real controls to take over. */
    removeAll(): Handed {
      const active = deps.doc.activeElement;
      let focused: Element | undefined;
      for (const cell of deps.doc.querySelectorAll(CELLS)) {
        const host = cell.querySelector('follow-through-control');
        if (host && active === host && host.shadowRoot?.activeElement) focused = roots.get(host);
        cell.remove();
      }
      const handed: Handed = { pressed: [...pressed].filter((root) => root.isConnected), ...(focused ? { focused } : {}) };
      pressed.clear();
      return handed;
    },
  };
}

export type Placeholders = ReturnType<typeof createPlaceholders>;
