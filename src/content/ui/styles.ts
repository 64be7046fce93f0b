/**
 * Our stylesheets, as strings put into each shadow root (never into the page).
 * `all: initial` keeps Gmail's inherited styles out; colours come from
 * variables that `:host([data-theme=dark])` swaps.
 */
const VARS =
  ':host{all:initial;font:500 14px/20px "Google Sans",Roboto,Arial,sans-serif;color-scheme:light;' +
  '--fg:#1f1f1f;--muted:#444746;--bg:#fff;--line:#747775;--hover:rgba(68,71,70,.1);--accent:#0b57d0;--on-accent:#fff;' +
  '--armed:#d3e3fd;--on-armed:#041e49;--err:#b3261e;--shadow:0 2px 6px 2px rgba(60,64,67,.15),0 1px 2px rgba(60,64,67,.3);color:var(--fg)}' +
  ':host([data-theme=dark]){color-scheme:dark;--fg:#e3e3e3;--muted:#c4c7c5;--bg:#2d2f31;--line:#8e918f;' +
  '--hover:rgba(227,227,227,.1);--accent:#a8c7fa;--on-accent:#062e6f;--armed:#0842a0;--on-armed:#d3e3fd;--err:#f2b8b5}' +
  '*{box-sizing:border-box}:focus-visible{outline:2px solid var(--accent);outline-offset:2px}';

export const CONTROL_CSS =
  VARS +
  ':host{display:inline-flex;vertical-align:middle;margin:0 4px}' +
  '.wrap{display:inline-flex}button,input{font:inherit;color:inherit}' +
  '.btn{display:inline-flex;align-items:center;gap:6px;height:36px;max-width:260px;padding:0 14px 0 10px;' +
  'border:1px solid var(--line);border-radius:18px;background:none;cursor:pointer;white-space:nowrap}' +
  '.btn>span{overflow:hidden;text-overflow:ellipsis}.btn:hover{background:var(--hover)}' +
  '.btn.armed{background:var(--armed);color:var(--on-armed);border-color:transparent}' +
  '.btn:disabled{opacity:.6;cursor:default}.btn svg{flex:none}' +
  '.menu{position:fixed;inset:auto;margin:0;z-index:2147483647;width:300px;max-width:calc(100vw - 16px);' +
  'overflow:auto;padding:8px 0;border:0;border-radius:8px;background:var(--bg);color:var(--fg);box-shadow:var(--shadow);font-weight:400}' +
  '.item{display:flex;width:100%;gap:8px;align-items:baseline;padding:8px 16px;border:0;background:none;text-align:start;cursor:pointer}' +
  '.item:hover,.item:focus-visible{background:var(--hover)}.item:focus-visible{outline-offset:-2px}' +
  '.when,.tag{font-size:12px;color:var(--muted)}.when{margin-inline-start:auto;text-align:end}.tag{color:var(--accent)}' +
  '.field{display:block;padding:6px 16px;font-size:12px;color:var(--muted)}' +
  '.field input{display:block;width:100%;margin-top:4px;padding:6px 8px;border:1px solid var(--line);border-radius:4px;' +
  'background:none;color:var(--fg);font-size:14px}' +
  '.echo{min-height:20px;padding:4px 16px;font-size:13px;overflow-wrap:anywhere}.err{color:var(--err)}' +
  '.use{margin:4px 16px;height:32px;padding:0 16px;border:0;border-radius:16px;background:var(--accent);color:var(--on-accent);cursor:pointer}' +
  '.use:disabled{opacity:.4;cursor:default}.head{margin:0;padding:4px 16px;font-size:12px;color:var(--muted);overflow-wrap:anywhere}' +
  'hr{margin:8px 0;border:0;border-top:1px solid var(--line);opacity:.5}' +
  '.kinds{display:flex;flex-wrap:wrap;gap:4px 16px;margin:0;padding:2px 16px 6px;border:0;font-size:13px}' +
  '.kinds legend{float:left;width:100%;padding:0;font-size:12px;color:var(--muted)}' +
  '.kinds label{display:inline-flex;align-items:center;gap:6px;cursor:pointer}.kinds input{margin:0;accent-color:var(--accent)}' +
  '.problem{align-self:center;max-width:320px;margin-inline-start:8px;font-size:12px;line-height:16px;font-weight:400;color:var(--err);white-space:normal}';

export const TOAST_CSS =
  VARS +
  ':host{position:fixed;left:24px;bottom:24px;z-index:2147483647;font-weight:400}' +
  '.toast{max-width:min(480px,calc(100vw - 48px));padding:14px 16px;border-radius:4px;background:var(--fg);color:var(--bg);' +
  'box-shadow:var(--shadow);overflow-wrap:anywhere;cursor:default}.toast:empty{display:none}';
