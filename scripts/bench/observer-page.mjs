/**
 * The program the observer benchmark runs inside the page. It is sent as source text
 * (`pageProgram.toString()`), so it must stay self-contained: no imports, no closures over this
 * module; it only uses globalThis.FTBench (test/bench/observer-entry.ts, bundled into the page
 * before it) and defines globalThis.benchSetup / globalThis.benchRound for observer.mjs to call.
 */

/**
 * Runs in the page. Builds the Gmail-sized page, and runs rounds:
 * reset DOM → attach one strategy → burst of mutations → collect figures.
 */
export function pageProgram() {
  const B = globalThis.FTBench;
  let key = 0;
  const keyTree = (root) => {
    root.setAttribute?.('data-bk', String(key++));
    for (const el of root.querySelectorAll?.('*') ?? []) el.setAttribute('data-bk', String(key++));
    return root;
  };
  const html = (s) => {
    const t = document.createElement('template');
    t.innerHTML = s.trim();
    return t.content.firstElementChild;
  };
  const names = ['Alice Example', 'Bob Builder', 'Anna Müller', 'Chen Wei', 'Dana Scully', 'Eve Adams', 'Farid Haddad', 'Grace Hopper'];
  const rowHtml = (i) => {
    const n = names[i % names.length];
    const email = `${n.split(' ')[0].toLowerCase()}${i}@example.com`;
    const id = (0x15f1123136926b00n + BigInt(i)).toString(16);
    return `<tr class="zA ${i % 3 ? 'yO' : 'zE'}" role="row" id=":r${i}" tabindex="-1" draggable="false">
      <td class="PF xY PE"></td>
      <td class="oZ-x3 xY" role="gridcell"><div class="oZ-jc T-Jo J-J5-Ji" role="checkbox" aria-checked="false" tabindex="-1"><div class="T-Jo-auh"></div></div></td>
      <td class="apU xY" role="gridcell"><span class="aXw T-KT" role="button" aria-label="Not starred"><img class="T-KT-JX" alt=""></span></td>
      <td class="WA xY" role="gridcell"><div class="pG" role="img"><div class="T-aT4"><div></div></div><div class="bnj"></div></div></td>
      <td class="yX xY" role="gridcell"><div class="afn">${n}, Message ${i}</div><div class="yW"><span class="bA4"><span email="${email}" name="${n}" data-hovercard-id="${email}" class="zF">${n.split(' ')[0]}</span></span><span class="bx0">${(i % 4) + 1}</span></div></td>
      <td class="xY a4W" role="link" tabindex="-1"><div class="a4X"><div class="xS" role="link"><div class="xT"><div class="yi"><div class="ar as"><div class="at" title="Inbox"><div class="au"><div class="av">Inbox</div></div></div></div></div><div class="y6"><span class="bog"><span data-thread-id="#thread-f:${BigInt('0x' + id)}" data-legacy-thread-id="${id}">Subject line ${i}</span></span></div><span class="y2"><span class="Zt">&nbsp;-&nbsp;</span>Snippet of message ${i} with some preview text</span></div></div></div><div class="brd"><div class="brc" role="listitem"><span class="brg"><img class="aQG" alt="file.pdf"><span class="aV3">file.pdf</span></span></div></div></td>
      <td class="yf xY"></td>
      <td class="xW xY" role="gridcell"><span title="Tue, Jun 3, 2025, 10:12 AM" aria-label="Jun 3"><span>Jun 3</span></span></td>
      <td class="bq4 xY"><ul class="bqY" role="toolbar"><li class="bqX brq" data-tooltip="Archive"></li><li class="bqX bru" data-tooltip="Delete"></li><li class="bqX brs" data-tooltip="Mark as read"></li><li class="bqX bqZ" data-tooltip="Snooze"></li></ul></td>
    </tr>`;
  };
  const navHtml = (i) =>
    `<div class="aim" role="listitem"><div class="TO" data-tooltip="Label ${i}"><div class="TN bzz aHS-bnt"><div class="qj"></div><div class="aio UKr6le"><span class="nU n1"><a href="#label/L${i}" class="J-Ke n0" title="Label ${i}" aria-label="Label ${i}" tabindex="-1">Label ${i}</a></span></div><div class="bsU">${i}</div></div></div></div>`;

  let pieces;
  let composeTemplate;
  let toolbarTemplate;
  let rowSerial;

  function reset() {
    key = 0;
    rowSerial = 0;
    document.body.className = 'aAU';
    document.body.innerHTML = pieces.thread;
    // The inbox list stays in the DOM, hidden, while a thread is open (as in Gmail).
    const listTm = document.getElementById(':list-tm');
    const list = html(`<div class="Cp"><table cellpadding="0" class="F cf zt" role="grid" id=":2k"><colgroup><col><col><col><col><col><col><col><col><col></colgroup><tbody></tbody></table></div>`);
    const tbody = list.querySelector('tbody');
    for (let i = 0; i < pieces.rows; i++) tbody.append(html(`<table><tbody>${rowHtml(rowSerial++)}</tbody></table>`).querySelector('tr'));
    listTm.parentElement.append(list);
    const nav = html(`<div class="aeN" role="navigation"><div class="n3"><div class="byl" role="list"></div></div></div>`);
    for (let i = 0; i < pieces.labels; i++) nav.querySelector('.byl').append(html(navHtml(i)));
    document.body.prepend(nav);
    // A compose window is open beside the thread (its own inline reply is in the thread).
    const dock = html(`<div class="dw"><div class="nH"><div class="nH aJl nn" id="bench-dock"></div></div></div>`);
    dock.querySelector('#bench-dock').append(composeTemplate.cloneNode(true));
    document.body.append(dock);
    // Padding: Gmail's remaining chrome (hidden menus, the chat/meet side panels…), up to the element target.
    const pad = html(`<div class="nH" id="bench-pad" style="display:none"></div>`);
    document.body.append(pad);
    let n = document.getElementsByTagName('*').length;
    for (let i = 0; n < pieces.targetElements; i++) {
      const item = html(`<div class="J-N" role="menuitem"><div class="J-N-Jz"><div class="J-N-JX aDE"></div><span class="Tb">Menu ${i}</span><span class="J-Ph-hFsbo"></span></div></div>`);
      pad.append(item);
      n += 5;
    }
    keyTree(document.documentElement);
    globalThis.gc?.();
    return document.getElementsByTagName('*').length;
  }

  // Deterministic PRNG (mulberry32): every round replays the same mutations.
  const prng = (seed) => () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  const OPS = [
    // [name, weight, fn(rand)] — each is one Gmail DOM update; several nodes may change, all inside one task.
    ['list row added', 18, (r) => {
      const tbody = document.querySelector('#\\:2k > tbody');
      const row = keyTree(html(`<table><tbody>${rowHtml(rowSerial++)}</tbody></table>`).querySelector('tr'));
      tbody.insertBefore(row, tbody.rows[Math.floor(r() * 3)] ?? null);
    }],
    ['list row removed', 14, (r) => {
      const rows = document.querySelector('#\\:2k > tbody').rows;
      rows[Math.floor(r() * rows.length)].remove();
    }],
    ['label chip added', 16, (r) => {
      const rows = document.querySelector('#\\:2k > tbody').rows;
      const yi = rows[Math.floor(r() * rows.length)].querySelector('.yi');
      yi.append(keyTree(html(`<div class="ar as"><div class="at" title="Work"><div class="au"><div class="av">Work</div></div></div></div>`)));
    }],
    ['label chip removed', 10, (r) => {
      const chips = document.querySelectorAll('#\\:2k .yi > .ar');
      chips[Math.floor(r() * chips.length)]?.remove();
    }],
    ['date span re-rendered', 18, (r) => {
      const rows = document.querySelector('#\\:2k > tbody').rows;
      const span = rows[Math.floor(r() * rows.length)].querySelector('.xW > span');
      span.replaceChildren(keyTree(html(`<span>${10 + Math.floor(r() * 12)}:${String(Math.floor(r() * 60)).padStart(2, '0')}</span>`)));
    }],
    ['tooltip shown/hidden', 14, () => {
      const tip = document.getElementById('bench-tip');
      if (tip) tip.remove();
      else document.body.append(keyTree(html(`<div class="T-ays" id="bench-tip" role="tooltip"><div class="T-ays-iP">Archive</div><div class="T-ays-hFsbo"></div></div>`)));
    }],
    ['thread toolbar re-rendered', 5, () => {
      const tm = document.getElementById(':thread-tm');
      tm.replaceChildren(keyTree(toolbarTemplate.cloneNode(true)));
    }],
    ['send cell re-rendered', 3, () => {
      const cells = document.querySelectorAll('td.gU.Up');
      const cell = cells[cells.length - 1];
      cell.replaceWith(keyTree(cell.cloneNode(true)));
    }],
    ['compose opened/closed', 2, (r) => {
      const dock = document.getElementById('bench-dock');
      if (dock.children.length < 3 && r() < 0.6) dock.append(keyTree(composeTemplate.cloneNode(true)));
      else if (dock.children.length > 1) dock.lastElementChild.remove();
      else dock.append(keyTree(composeTemplate.cloneNode(true)));
    }],
  ];
  const totalWeight = OPS.reduce((n, op) => n + op[1], 0);
  const plan = (count, seed) => {
    const r = prng(seed);
    const ops = [];
    for (let i = 0; i < count; i++) {
      let x = r() * totalWeight;
      ops.push(OPS.findIndex((op) => (x -= op[1]) < 0));
    }
    return ops;
  };

  /** The burst: `count` Gmail-like mutations from `seed`, each followed by one microtask yield. */
  async function burst(count, seed) {
    const r = prng(seed ^ 0x9e3779b9);
    const ops = plan(count, seed);
    const burstStart = performance.now();
    for (const op of ops) {
      OPS[op][2](r);
      // One microtask yield: the observer's notification microtask was queued by the mutation, so it runs first,
      // and every mutation gets its own callback.
      await null;
    }
    return { ops, burstMs: performance.now() - burstStart };
  }

  function timedObserver(stats) {
    return class TimedMutationObserver extends MutationObserver {
      constructor(callback) {
        super((records, observer) => {
          const start = performance.now();
          try {
            callback(records, observer);
          } finally {
            stats.callbackMs += performance.now() - start;
            stats.callbacks++;
          }
        });
      }
    };
  }

  async function round(strategy, count, seed) {
    const elements = reset();
    await new Promise((res) => setTimeout(res, 0));
    const stats = { callbackMs: 0, callbacks: 0 };
    const found = B.WATCH_SELECTORS.map(() => []);
    let onFoundCalls = 0;
    const watchers = B.WATCH_SELECTORS.map((selector, i) => ({
      selector,
      onFound: (els) => {
        onFoundCalls++;
        for (const el of els) found[i].push(el.getAttribute('data-bk'));
      },
    }));
    let stop = () => {};
    const initStart = performance.now();
    if (strategy === 'ours') stop = B.watchAdded(document, watchers, timedObserver(stats));
    else if (strategy === 'naive') stop = B.watchNaive(document, watchers, timedObserver(stats));
    const initialScanMs = performance.now() - initStart;
    const initialOnFound = onFoundCalls;

    const { ops, burstMs } = await burst(count, seed);
    stop();
    return {
      strategy,
      elements,
      finalElements: document.getElementsByTagName('*').length,
      callbackMs: stats.callbackMs,
      callbacks: stats.callbacks,
      initialScanMs,
      burstMs,
      onFoundCalls: onFoundCalls - initialOnFound,
      initialOnFound,
      found: found.map((keys) => keys.map(Number).sort((a, b) => a - b).join(',')),
      foundCounts: found.map((keys) => keys.length),
      mix: OPS.map((op, i) => [op[0], ops.filter((o) => o === i).length]),
    };
  }

  globalThis.benchSetup = (p) => {
    pieces = p;
    composeTemplate = html(`<div class="nH Hd-container">${p.compose}</div>`);
    const tmp = document.createElement('div');
    tmp.innerHTML = p.thread;
    toolbarTemplate = tmp.querySelector('#\\:thread-tm > .aqK');
    if (!toolbarTemplate) throw new Error('thread-view-en.html has no #:thread-tm toolbar');
    return {
      crossOriginIsolated: globalThis.crossOriginIsolated,
      selectors: B.WATCH_SELECTORS,
    };
  };
  globalThis.benchRound = round;
  // The same page and burst for the controls' cost (controls-cost.mjs).
  globalThis.benchReset = reset;
  globalThis.benchBurst = burst;
}
