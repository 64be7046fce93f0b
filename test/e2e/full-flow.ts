/**
 * One full run of the extension with everything recorded: the popup and the
 * options page load, a routed Gmail page arms a compose and sends it, and a
 * reminder due within seconds is checked for a reply against the routed
 * print view. Shared by the privacy and health e2e tests.
 *
 * The fixture Gmail page itself asks only mail.google.com (Gmail's markup
 * points some images at ssl.gstatic.com: those are rewritten to the page's own
 * images/ path and answered), so any request to another host would be the
 * extension's.
 */
import type { ConsoleMessage, Page, Request, Worker } from 'playwright-core';
import type { PageMessage } from '../fixtures/gmail/print-view/page';
import { launch, openExtensionPage, readReminders, sendOk, waitFor, type Launched, type MailRouteHandler } from './harness';
import { gmailRoutes, printViewRoutes, syncSample } from './gmail-pages';
import { control, INBOX, newCompose, remindButton, SEND, storedReminders } from './gmail-session';

export const ME = 'me@example.com';
export const REPLY_THREAD = '18f0000000000001';
/** Logged on purpose by the flow, to prove the console recorder hears every context. */
export const PROBE = 'follow-through-e2e-probe';

export interface RecordedRequest {
  url: string;
  method: string;
  /** Made by the service worker (not a page). */
  fromWorker: boolean;
}

export interface ConsoleProblem {
  where: string;
  kind: 'console.error' | 'pageerror';
  text: string;
}

export interface FlowRun {
  l: Launched;
  requests: RecordedRequest[];
  problems: ConsoleProblem[];
  /** Print-view URLs the routed Gmail answered (reply checks). */
  printViews: string[];
  /** `METHOD /path` of every other routed Gmail request. */
  mailSeen: string[];
}

// A 1×1 transparent GIF for Gmail's spacer images.
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

export async function fullFlow(): Promise<FlowRun> {
  const sentAt = Date.now() - 2 * 3_600_000;
  const threads = new Map<string, PageMessage[]>([
    [
      REPLY_THREAD,
      [
        { from: { email: ME, name: 'Me' }, to: [{ email: 'client@example.com' }], at: sentAt },
        { from: { email: 'client@example.com', name: 'Client' }, to: [{ email: ME }], at: sentAt + 3_600_000 },
      ],
    ],
  ]);
  const printViews: string[] = [];
  const mailSeen: string[] = [];
  const printView = printViewRoutes(threads, 'UTC', printViews);
  const compose = newCompose().replaceAll('//ssl.gstatic.com/ui/v1/icons/mail/images/', 'images/');
  const gmail = gmailRoutes({ '/mail/u/0/': compose }, syncSample('cvOnSend_response'), mailSeen);
  const mail: MailRouteHandler = (route, request) => {
    const url = new URL(request.url());
    if (url.searchParams.get('view') === 'pt') return printView(route, request);
    if (/\/images\/[\w-]+\.gif$/.test(url.pathname)) return route.fulfill({ status: 200, contentType: 'image/gif', body: GIF });
    if (url.pathname === '/favicon.ico') return route.fulfill({ status: 204, body: '' });
    return gmail(route, request);
  };

  const l = await launch({ mail });
  const requests: RecordedRequest[] = [];
  const problems: ConsoleProblem[] = [];
  l.context.on('request', (r: Request) => requests.push({ url: r.url(), method: r.method(), fromWorker: r.serviceWorker() !== null }));

  const consoleOf = (where: () => string) => (m: ConsoleMessage) => {
    if (m.type() === 'error') problems.push({ where: where(), kind: 'console.error', text: m.text() });
  };
  const watchWorker = (w: Worker) => w.on('console', consoleOf(() => `service worker ${w.url()}`));
  const watchPage = (p: Page) => {
    p.on('console', consoleOf(() => p.url()));
    p.on('pageerror', (e) => problems.push({ where: p.url(), kind: 'pageerror', text: String(e) }));
  };
  l.context.serviceWorkers().forEach(watchWorker);
  l.context.on('serviceworker', watchWorker);
  l.context.pages().forEach(watchPage);
  l.context.on('page', watchPage);

  // The recorder hears the service worker (whose console is otherwise easy to miss).
  await l.worker.evaluate((probe) => console.error(probe), PROBE);

  // Popup and options page, rendered.
  const popup = await openExtensionPage(l);
  await popup.locator('#app *').first().waitFor();
  await popup.evaluate((probe) => console.error(probe), PROBE);
  const options = await openExtensionPage(l, 'src/options/index.html');
  await options.locator('#app *').first().waitFor();

  // The print view is printed in the user's zone: pin it so the fixture's dates mean the same instant.
  const { settings } = await sendOk(popup, 'settings.get', {});
  await sendOk(popup, 'settings.set', {
    settings: { ...settings, schedule: { ...settings.schedule, timeZone: 'UTC', workingHours: { ...settings.schedule.workingHours, enabled: false } } },
  });

  // Gmail: arm a compose, send it, the reminder is stored from Gmail's send response.
  const tab = await l.context.newPage();
  await tab.goto(INBOX);
  await remindButton(tab).click();
  await control(tab).getByRole('button', { name: /^Tomorrow/ }).click();
  await tab.locator(SEND).click();
  await storedReminders(l, 1);

  // A reminder due in seconds: the reply check reads the (routed) print view and finds the reply.
  await sendOk(popup, 'reminder.create', {
    id: 'e2e-flow-reply',
    account: ME,
    thread: { provider: 'gmail', threadId: REPLY_THREAD, subject: 'Offer', recipients: [{ email: 'client@example.com', name: 'Client' }] },
    sentAt,
    due: { at: Date.now() + 3_000 },
  });
  await waitFor(async () => (await readReminders(popup)).find((r) => r.id === 'e2e-flow-reply')?.status === 'replied', {
    what: 'the reply check to resolve the reminder',
    timeout: 30_000,
  });
  // The popup and options page see the change (and any late request or error has time to show).
  await popup.reload();
  await popup.locator('#app *').first().waitFor();
  await options.reload();
  await options.locator('#app *').first().waitFor();
  await tab.waitForTimeout(500);

  return { l, requests, problems, printViews, mailSeen };
}

/** Problems other than the flow's own probes. */
export const realProblems = (run: FlowRun) => run.problems.filter((p) => !p.text.includes(PROBE));
