/** The control's clock icon, one definition for the Preact control (Dropdown.tsx) and the bootstrap's placeholder. */
export const CLOCK_ICON = {
  attrs: { viewBox: '0 0 24 24', width: '18', height: '18', 'aria-hidden': 'true', focusable: 'false', fill: 'none', stroke: 'currentColor', 'stroke-width': '2', 'stroke-linecap': 'round', 'stroke-linejoin': 'round' },
  circle: { cx: '12', cy: '13', r: '8' },
  path: 'M12 9v4l2.5 2.5M5 3 2 6m17-3 3 3',
} as const;

/** Gmail reads keys and clicks on its own ancestors (shortcuts, jsaction): what happens in our UI stays there. */
export const stopUnlessShortcut = (e: Event) => {
  if (!(e as KeyboardEvent).ctrlKey && !(e as KeyboardEvent).metaKey) e.stopPropagation();
};
