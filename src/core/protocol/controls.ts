/**
 * The Gmail controls script: built on its own next to the manifest's files
 * (vite.config.ts), injected by the background on a Gmail frame's first
 * need (background/controls-injection.ts). Not in the manifest, not
 * web-accessible. The one place its file name is written.
 */
export const CONTROLS_ENTRY = 'src/content/controls.ts';
export const CONTROLS_SCRIPT = 'src/content/controls.js';
