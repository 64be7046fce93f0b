import { Fragment, h, render, type VNode } from 'preact';
import { markOwned } from './owned';
import { CONTROL_CSS } from './styles';

export interface Mounted {
  host: HTMLElement;
  /** Re-render with new props (Preact diffs; state and focus survive). */
  update(vnode: VNode): void;
  setTheme(theme: 'light' | 'dark'): void;
  /** Unrenders and removes the host from the page. */
  unmount(): void;
}

/**
 * Renders `vnode` into an open shadow root on `host` (e.g.
 * `document.createElement('follow-through-control')`), with our stylesheet
 * inside that root only, so Gmail's CSS and ours never mix.
 */
export function mountInShadow(host: HTMLElement, vnode: VNode, theme: 'light' | 'dark'): Mounted {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  markOwned(host);
  const draw = (v: VNode | null) => render(v && h(Fragment, null, h('style', null, CONTROL_CSS), v), root);
  const setTheme = (th: 'light' | 'dark') => host.setAttribute('data-theme', th);
  setTheme(theme);
  draw(vnode);
  return {
    host,
    update: draw,
    setTheme,
    unmount() {
      draw(null);
      host.remove();
    },
  };
}

/** The theme a mounted host shows now (the theme watcher may have switched it since it was mounted). */
export function currentTheme(host: Element | undefined, fallback: 'light' | 'dark'): 'light' | 'dark' {
  const theme = host?.getAttribute('data-theme');
  return theme === 'dark' || theme === 'light' ? theme : fallback;
}
