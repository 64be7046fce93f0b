// @vitest-environment happy-dom
/**
 * The bootstrap loaded into every Gmail page (content/boot/bootstrap.ts)
 * with the real controls (content/controls.ts) "injected" by a fake
 * background: what makes it ask for the controls, what it keeps for them
 * until they arrive, and how a failed load ends.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { load } from '../gmail-dom/dom';
import { startBootstrap } from '../../../src/content/boot/bootstrap';
import { CONTROLS_HOST, offerControls, type ControlsHost, type StartControls } from '../../../src/content/boot/handoff';
import { startControls } from '../../../src/content/controls';
import { startOnce } from '../../../src/content/lifecycle';
import { leaveSends, HANDOVER_ATTR, type PendingSend } from '../../../src/content/controller/send-handover';
import { ExtensionGoneError } from '../../../src/core/protocol/gone';
import { armCommand, showThreadCommand, whoAmICommand } from '../../../src/core/protocol/content-commands';
import { controls, deliverAccount, deliverSend, fakeDeps, NOW, setPageUrl, settle, type Fake, type Handlers } from './harness';

const CV_ON_SEND_MSG = 'msg-a:r8190137112111191537';

interface Copy {
  fake: Fake;
  world: Record<symbol, unknown>;
  command?: (message: unknown) => unknown;
  stop?: () => void;
  /** Resolves the pending `controls.load` (the background's injection) when the test says so. */
  inject(): void;
}

const copies: Copy[] = [];

beforeEach(() => {
  setPageUrl();
  vi.useRealTimers();
});
afterEach(() => {
  for (const c of copies.splice(0)) c.stop?.();
  vi.useRealTimers();
});

/**
 * One bootstrap with its own world and fake background. `controls.load` offers `start` (the real controls by
 * default) into that world, as the background's executeScript does: at once, or when `inject()` is called.
 */
function boot(opts: { handlers?: Handlers; start?: StartControls; deferInjection?: boolean; alive?: { v: boolean }; trusted?: (e: Event) => boolean } = {}): Copy {
  const world: Record<symbol, unknown> = {};
  const waiting: (() => void)[] = [];
  const copy = {} as Copy;
  const injectNow = () => offerControls(world, opts.start ?? startControls);
  const fake = fakeDeps({
    handlers: {
      'controls.load': () =>
        opts.deferInjection
          ? new Promise((resolve) => waiting.push(() => (injectNow(), resolve({ injected: true }))))
          : (injectNow(), { injected: true }),
      ...opts.handlers,
    },
  });
  const alive = opts.alive ?? { v: true };
  // An orphan's calls fail as content-runtime makes them fail.
  const real = fake.deps.request;
  fake.deps.request = ((type: never, payload: never) => (alive.v ? real(type, payload) : Promise.reject(new ExtensionGoneError()))) as typeof real;
  Object.assign(copy, {
    fake,
    world,
    inject: () => waiting.splice(0).forEach((fn) => fn()),
  });
  copy.stop = startOnce({ doc: document, world, alive: () => alive.v }, () =>
    startBootstrap(fake.deps, { world, onCommand: (fn) => (copy.command = fn), ...(opts.trusted ? { trusted: opts.trusted } : {}) }),
  );
  copies.push(copy);
  return copy;
}

describe('bootstrap: when the controls are loaded', () => {
  it('a Gmail list view asks for nothing; the account is still reported, once per pair', async () => {
    // The inbox: Gmail's main toolbar and a list of threads, no thread open, no compose.
    document.title = 'Inbox (3) - me@example.com - Gmail';
    document.body.innerHTML = '<div gh="tm"><div gh="mtb"><div role="button" aria-label="Refresh"></div></div></div><table role="grid"><tr class="zA"><td>Quarterly numbers</td></tr></table>';
    const copy = boot();
    deliverAccount('me@example.com', 'abc123');
    deliverAccount('me@example.com', 'abc123');
    await settle();
    expect(copy.fake.of('controls.load')).toEqual([]);
    expect(copy.fake.of('account.seen')).toEqual([{ account: 'me@example.com', ik: 'abc123' }]);
    expect(controls()).toEqual([]);
  });

  it('a compose on the page at start loads the controls once, and the control appears in it', async () => {
    load('compose-dialog.html');
    const copy = boot();
    await settle();
    expect(copy.fake.of('controls.load')).toHaveLength(1);
    expect(controls()).toHaveLength(1);
    // More composes and thread views do not ask again.
    document.body.append(document.querySelector('div.M9')!.cloneNode(true));
    await settle();
    expect(copy.fake.of('controls.load')).toHaveLength(1);
  });

  it('a compose opened later loads them then; a half-built compose (no send row yet) does not', async () => {
    load('compose-dialog.html');
    const compose = document.querySelector('div.M9')!;
    const row = compose.querySelector('tr.btC')!;
    const parent = row.parentElement!;
    compose.remove();
    row.remove();
    const copy = boot();
    await settle();
    document.body.append(compose);
    await settle();
    expect(copy.fake.of('controls.load')).toEqual([]);
    parent.append(row);
    await settle();
    expect(copy.fake.of('controls.load')).toHaveLength(1);
    expect(controls()).toHaveLength(1);
  });

  it('an open thread loads them (its toolbar gets the control)', async () => {
    load('thread-view-en.html');
    const copy = boot();
    await settle();
    expect(copy.fake.of('controls.load')).toHaveLength(1);
    await vi.waitFor(() => expect(controls().length).toBeGreaterThan(0));
  });

  it('the keyboard command loads them and is then carried out; navigation commands are answered without them', async () => {
    load('compose-dialog.html');
    document.querySelector('div.M9')!.remove();
    document.title = 'Inbox (3) - me@example.com - Gmail';
    const copy = boot();
    await settle();
    expect(await copy.command!(whoAmICommand())).toEqual({ account: 'me@example.com' });
    expect(await copy.command!(showThreadCommand('other@example.com', '#all/18f0000000000001'))).toEqual({ shown: false });
    expect(copy.fake.of('controls.load')).toEqual([]);

    const seen: unknown[] = [];
    const start: StartControls = (host) => {
      host.onCommand((m) => void seen.push(m));
      return () => {};
    };
    const armed = boot({ start });
    await settle();
    armed.command!(armCommand());
    await settle();
    expect(armed.fake.of('controls.load')).toHaveLength(1);
    expect(seen).toEqual([armCommand()]);
  });
});

describe('bootstrap: the compose shows the button while the controls load', () => {
  it('controls that arrive within a moment are the only control shown (no placeholder, nothing swapped)', async () => {
    load('compose-dialog.html');
    const added: string[] = [];
    const mo = new MutationObserver((records) =>
      records.forEach((r) => r.addedNodes.forEach((n) => n instanceof Element && added.push(n.getAttribute('data-follow-through') ?? ''))),
    );
    mo.observe(document.body, { childList: true, subtree: true });
    boot();
    await new Promise((r) => setTimeout(r, 120));
    await settle();
    mo.disconnect();
    expect(added.filter(Boolean)).toEqual(['compose']);
  });

  it('controls still on their way after a moment: a placeholder that looks like the control, then the real one', async () => {
    load('compose-dialog.html');
    const copy = boot({ deferInjection: true });
    await vi.waitFor(() => expect(controls()).toHaveLength(1));
    const [placeholder] = controls();
    expect(placeholder!.closest('td')!.getAttribute('data-follow-through')).toBe('pending');
    const button = placeholder!.shadowRoot!.querySelector('button.btn')!;
    expect(button.textContent).toBe('remindButton');
    expect(button.getAttribute('title')).toBe('remindLabel');
    expect(button.querySelector('svg path')).not.toBeNull();
    // Beside Send, where the control goes.
    expect(placeholder!.closest('td')!.previousElementSibling!.matches('td.gU.Up')).toBe(true);

    copy.inject();
    await settle();
    expect(controls()).toHaveLength(1);
    expect(controls()[0]!.closest('td')!.getAttribute('data-follow-through')).toBe('compose');
    expect(document.querySelector('[data-follow-through=pending]')).toBeNull();
  });

  it('a press on the placeholder opens the real control\'s picker once it is there; the press does not reach Gmail', async () => {
    load('compose-dialog.html');
    const copy = boot({ deferInjection: true });
    await vi.waitFor(() => expect(controls()).toHaveLength(1));
    let gmailSaw = 0;
    document.body.addEventListener('click', () => gmailSaw++);
    controls()[0]!.shadowRoot!.querySelector<HTMLButtonElement>('button.btn')!.click();
    copy.inject();
    await settle();
    const shadow = controls()[0]!.shadowRoot!;
    await vi.waitFor(() => expect(shadow.querySelector('[role=dialog]')).not.toBeNull());
    expect(gmailSaw).toBe(0);
  });

  it('the focus on the placeholder moves to the real control', async () => {
    load('compose-dialog.html');
    const copy = boot({ deferInjection: true });
    await vi.waitFor(() => expect(controls()).toHaveLength(1));
    controls()[0]!.shadowRoot!.querySelector<HTMLButtonElement>('button.btn')!.focus();
    copy.inject();
    await settle();
    const real = controls()[0]!;
    expect(real.closest('td')!.getAttribute('data-follow-through')).toBe('compose');
    expect(document.activeElement).toBe(real);
    expect(real.shadowRoot!.activeElement).toBe(real.shadowRoot!.querySelector('button.btn'));
    // Focus only: no picker opened.
    expect(real.shadowRoot!.querySelector('[role=dialog]')).toBeNull();
  });

  it('a load that fails takes the placeholder away (no button that does nothing)', async () => {
    load('compose-dialog.html');
    const copy = boot({ handlers: { 'controls.load': () => Promise.reject(new Error('No tab with id: 7')) } });
    await settle();
    expect(copy.fake.warnings).toContain('controls not loaded');
    expect(controls()).toEqual([]);
  });

  it('stopping the bootstrap (replaced by an update) removes its placeholders', async () => {
    load('compose-dialog.html');
    const copy = boot({ deferInjection: true });
    await vi.waitFor(() => expect(controls()).toHaveLength(1));
    copy.stop!();
    expect(controls()).toEqual([]);
  });
});

describe('bootstrap: fetched on the first press or key, started on need', () => {
  const inbox = () => {
    document.title = 'Inbox (3) - me@example.com - Gmail';
    document.body.innerHTML = '<div gh="tm"><div gh="mtb"></div></div><table role="grid"><tr class="zA"><td>Quarterly numbers</td></tr></table>';
  };

  /** The controls were fetched once and not started; the compose that follows starts them without asking again. */
  async function fetchedThenStartedByCompose(copy: ReturnType<typeof boot>, compose: Element, started: () => number) {
    expect(copy.fake.of('controls.load')).toHaveLength(1);
    expect(started()).toBe(0);
    expect(controls()).toEqual([]);

    document.body.append(compose);
    await settle();
    expect(started()).toBe(1);
    expect(controls()).toHaveLength(1);
    expect(copy.fake.of('controls.load')).toHaveLength(1);
  }

  it('the user\'s first press fetches the controls once without starting them; the compose that follows starts them without asking again', async () => {
    load('compose-dialog.html');
    const compose = document.querySelector('div.M9')!;
    inbox();
    let started = 0;
    const copy = boot({ trusted: () => true, start: (host) => (started++, startControls(host)) });
    await settle();
    expect(copy.fake.of('controls.load')).toEqual([]);
    document.querySelector('tr.zA')!.dispatchEvent(new MouseEvent('pointerdown', { bubbles: true }));
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'c', bubbles: true }));
    await settle();
    await fetchedThenStartedByCompose(copy, compose, () => started);
  });

  it('a page whose address opens a compose (pop-out, compose link, composes restored from the hash) fetches them at start; the compose starts them', async () => {
    load('compose-dialog.html');
    const compose = document.querySelector('div.M9')!;
    inbox();
    setPageUrl('https://mail.google.com/mail/u/0/?view=cm&fs=1&to=bob@example.com#inbox');
    let started = 0;
    const copy = boot({ start: (host) => (started++, startControls(host)) });
    await settle();
    await fetchedThenStartedByCompose(copy, compose, () => started);
  });

  it('the address turning to a compose (Back to an open one) fetches them; other hash changes do not', async () => {
    inbox();
    const copy = boot();
    window.location.hash = '#label/Clients';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await settle();
    expect(copy.fake.of('controls.load')).toEqual([]);
    window.location.hash = '#inbox?compose=CllgCJZcRmzqXlBtWWTkSbRkBwLMWZb';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await settle();
    expect(copy.fake.of('controls.load')).toHaveLength(1);
    expect(controls()).toEqual([]);
  });

  it('asks for one translated string while the page is idle, before any control needs one (the catalog\'s one-time load)', async () => {
    inbox();
    const copy = boot();
    const asked: string[] = [];
    const t = copy.fake.deps.t;
    copy.fake.deps.t = (key, subs) => (asked.push(key), t(key, subs));
    expect(asked).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(asked).toEqual(['remindButton']);
    expect(copy.fake.of('controls.load')).toEqual([]);
  });

  it('a page\'s synthetic events fetch nothing', async () => {
    inbox();
    const copy = boot();
    document.body.dispatchEvent(new MouseEvent('pointerdown', { bubbles: true }));
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'c', bubbles: true }));
    await settle();
    expect(copy.fake.of('controls.load')).toEqual([]);
  });
});

describe('bootstrap: nothing is lost while the controls load', () => {
  it('the account posted at page load reaches the controls, and so do later posts', async () => {
    load('compose-dialog.html');
    const hosts: ControlsHost[] = [];
    const heard: string[] = [];
    const copy = boot({
      deferInjection: true,
      start: (host) => {
        hosts.push(host);
        host.listenEnvelopes({ onAccount: (email, ik) => void heard.push(`${email} ${ik ?? ''}`), onSyncSend: () => {} });
        return () => {};
      },
    });
    deliverAccount('me@example.com', 'abc123');
    await settle();
    expect(hosts).toEqual([]);
    copy.inject();
    await settle();
    deliverAccount('me@example.com');
    expect(heard).toEqual(['me@example.com abc123', 'me@example.com ']);
  });

  it('a send left by the replaced script is stored although Gmail answered before the controls arrived', async () => {
    load('compose-dialog.html');
    document.querySelector('div.M9')!.remove();
    // What an orphaned copy leaves when an update lands during Gmail's "Undo send" delay.
    const pending: PendingSend = {
      id: 'sent-before-update',
      snapshot: { subject: 'subject_111', recipients: [{ email: 'test+1@gmail.com' }], clientMessageId: CV_ON_SEND_MSG },
      armed: { due: { preset: 'tomorrow' }, label: 'Tomorrow', at: NOW + 86_400_000 },
      theme: 'light',
      clickedAt: NOW - 1_000,
      account: 'test@gmail.com',
    };
    leaveSends(document, [pending]);
    const copy = boot({ deferInjection: true });
    await settle();
    // No compose on the page: the hand-over alone asks for the controls.
    expect(copy.fake.of('controls.load')).toHaveLength(1);
    deliverAccount('test@gmail.com');
    deliverSend('cvOnSend');
    await settle();
    expect(copy.fake.of('reminder.create')).toEqual([]);

    copy.inject();
    await settle();
    expect(document.documentElement.hasAttribute(HANDOVER_ATTR)).toBe(false);
    expect(copy.fake.of('reminder.create')).toMatchObject([
      { id: 'sent-before-update', account: 'test@gmail.com', due: { preset: 'tomorrow' }, sentAt: 1662744701149, thread: { permThreadId: 'thread-f:1743514067378610192' } },
    ]);
  });

  it('a compose armed before an update comes back armed once the controls are there', async () => {
    load('compose-dialog.html');
    document.querySelector('div.M9')!.setAttribute('data-follow-through-armed', JSON.stringify({ due: { preset: 'tomorrow' }, label: 'Tomorrow 09:00', at: NOW + 1 }));
    boot();
    await settle();
    const shadow = controls()[0]!.shadowRoot!;
    expect(shadow.querySelector('button.btn')!.textContent).toContain('Tomorrow 09:00');
  });

  it('controls injected without being asked (with the bootstrap, into a tab open during an update) wait until needed', async () => {
    load('compose-dialog.html');
    const compose = document.querySelector('div.M9')!;
    compose.remove();
    let started = 0;
    const copy = boot({ start: () => (started++, () => {}) });
    offerControls(copy.world, (host) => (started++, startControls(host)));
    await settle();
    expect(started).toBe(0);
    document.body.append(compose);
    await settle();
    expect(started).toBe(1);
    // They were there already: no injection asked for.
    expect(copy.fake.of('controls.load')).toEqual([]);
  });
});

describe('bootstrap: a load that fails', () => {
  it('says so in the tab\'s health report, never throws, and tries again', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    load('compose-dialog.html');
    let fail = true;
    const copy = boot({
      handlers: {
        'controls.load': () => {
          if (fail) throw new Error('Cannot access contents of the page');
          offerControls(copy.world, startControls);
          return { injected: true };
        },
      },
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(copy.fake.warnings).toContain('controls not loaded');
    expect(controls()).toEqual([]);
    fail = false;
    // The health report is batched (2 s); the retry comes at 2 s too.
    await vi.advanceTimersByTimeAsync(2_000);
    await vi.advanceTimersByTimeAsync(100);
    expect(copy.fake.of('integration.report')[0]).toMatchObject({ checks: { composeButton: 'missing' }, notes: ['controls not loaded'] });
    expect(copy.fake.of('controls.load')).toHaveLength(2);
    expect(controls()).toHaveLength(1);
  });

  it('an injection that runs but offers nothing is a failure too', async () => {
    load('compose-dialog.html');
    const copy = boot({ handlers: { 'controls.load': () => ({ injected: true }) } });
    await settle();
    expect(copy.fake.warnings).toContain('controls not loaded');
  });

  it('an orphaned copy (the extension was updated or removed) stays quiet and does not retry', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    load('compose-dialog.html');
    const copy = boot({ alive: { v: false } });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(copy.fake.warnings).toEqual([]);
    expect(copy.fake.calls).toEqual([]);
    expect(controls()).toEqual([]);
  });
});

describe('bootstrap: lifecycle', () => {
  it('stopping it stops the controls and removes what they rendered; the world forgets it', async () => {
    load('compose-dialog.html');
    const copy = boot();
    await settle();
    expect(controls()).toHaveLength(1);
    expect(copy.world[CONTROLS_HOST]).toBeTypeOf('function');
    copy.stop!();
    expect(controls()).toEqual([]);
    expect(copy.world[CONTROLS_HOST]).toBeUndefined();
    // Controls arriving late (an injection still under way) find nobody to start them.
    expect(offerControls(copy.world, startControls)).toBe(false);
  });

  it('a second offer in the same document is ignored: the controls run once', async () => {
    load('compose-dialog.html');
    let started = 0;
    const copy = boot({ start: (host) => (started++, startControls(host)) });
    await settle();
    offerControls(copy.world, (host) => (started++, startControls(host)));
    await settle();
    expect(started).toBe(1);
    expect(controls()).toHaveLength(1);
  });
});
