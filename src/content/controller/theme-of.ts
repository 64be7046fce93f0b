import { themeFromBackground } from '../ui/theme';

const TRANSPARENT = /^(transparent|rgba\(\s*0,\s*0,\s*0,\s*0\s*\))$/;

/**
 * Light or dark, from the first opaque background at or above `el` (Gmail
 * themes paint it on different containers). Style reads only, once per
 * injected control, never layout.
 */
export function themeOf(win: Window, el: Element | null): 'light' | 'dark' {
  try {
    for (let node = el, steps = 0; node && steps < 25; node = node.parentElement, steps++) {
      const color = win.getComputedStyle(node).backgroundColor;
      if (color && !TRANSPARENT.test(color)) return themeFromBackground(color);
    }
  } catch {
    // Fall through to light, Gmail's default.
  }
  return 'light';
}
