/**
 * Real-Firefox harness: Debian's firefox-esr, headless, driven by
 * puppeteer-core over WebDriver BiDi, with dist-firefox/ installed as a
 * temporary add-on (the MV3 event page build). The add-on's UUID is pinned
 * by pref so its pages have a known moz-extension:// origin, and every
 * request goes through the local mail proxy (mail-proxy.ts), so nothing
 * leaves the machine.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { Reminder } from '../../../src/core/reminder';
import type { Reply } from '../../../src/core/protocol/messages';
import type { RequestInput, RequestType } from '../../../src/core/protocol/schemas';
import { messageInPage, remindersInPage, waitFor, type MailRouteHandler } from '../harness';
import { startMailProxy, type MailProxy } from './mail-proxy';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const DIST_FIREFOX = resolve(process.env.EXTENSION_DIST_FIREFOX ?? 'dist-firefox');
/** Any fixed UUID: Firefox gives the add-on this moz-extension:// host. */
export const UUID = '3f2c0a4e-1b7d-4c59-9e3a-6d8f0b2a7c11';
export const ORIGIN = `moz-extension://${UUID}`;

/** Hosts Firefox itself asks for (remote settings; its server pref is fixed in release builds). Refused like everything else. */
export const FIREFOX_OWN_HOSTS = ['firefox.settings.services.mozilla.com', 'content-signature-2.cdn.mozilla.net'];

export interface FirefoxLaunched {
  browser: Browser;
  addonId: string;
  proxy: MailProxy;
  close(): Promise<void>;
}

function geckoId(): string {
  const manifestPath = join(DIST_FIREFOX, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`No Firefox build in ${DIST_FIREFOX}: run npm run build:firefox first`);
  const id = JSON.parse(readFileSync(manifestPath, 'utf8')).browser_specific_settings?.gecko?.id;
  if (typeof id !== 'string') throw new Error(`${manifestPath} names no gecko id`);
  return id;
}

export async function launchFirefox(): Promise<FirefoxLaunched> {
  if (!existsSync(FIREFOX)) throw new Error(`No Firefox at ${FIREFOX}: apt-get install firefox-esr (or set FIREFOX_PATH)`);
  const id = geckoId();
  const proxy = await startMailProxy();
  try {
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      // Lets a tab driven over BiDi open moz-extension:// pages.
      args: ['--remote-allow-system-access'],
      // The proxy's certificate is self-signed; also honoured for the event page's own requests.
      acceptInsecureCerts: true,
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [id]: UUID }),
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.share_proxy_settings': false,
        'network.proxy.no_proxies_on': '',
        'network.proxy.socks_remote_dns': true,
        'network.trr.mode': 5,
        'network.http.http3.enable': false,
        'network.dns.disablePrefetch': true,
        'network.prefetch-next': false,
      },
    });
    const addonId = await browser.installExtension(DIST_FIREFOX);
    return {
      browser,
      addonId,
      proxy,
      close: async () => {
        await browser.close().catch(() => undefined);
        await proxy.close();
      },
    };
  } catch (error) {
    await proxy.close();
    throw error;
  }
}

/**
 * Opens one of the add-on's pages in a new tab. Over BiDi the navigation to
 * moz-extension:// never reports its end (the page loads all the same), so
 * this waits for the document itself instead.
 */
export async function openExtensionPage(f: FirefoxLaunched, path = 'src/popup/index.html'): Promise<Page> {
  const page = await f.browser.newPage();
  const url = `${ORIGIN}/${path}`;
  page.goto(url, { timeout: 30_000 }).catch(() => undefined);
  await waitFor(() => page.evaluate((u) => location.href === u && document.readyState === 'complete', url), { what: `${url} to load` });
  return page;
}

/** A Gmail tab, served by the proxy's current mail handler. */
export async function openGmail(f: FirefoxLaunched, mail: MailRouteHandler, url: string): Promise<Page> {
  f.proxy.setMail(mail);
  const page = await f.browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

/** Sends a protocol message from an add-on page, as the popup does. */
export async function send<K extends RequestType>(page: Page, type: K, payload: RequestInput<K>): Promise<Reply<K>> {
  return page.evaluate(messageInPage, [type, payload] as const) as Promise<Reply<K>>;
}

export async function sendOk<K extends RequestType>(page: Page, type: K, payload: RequestInput<K>) {
  const reply = await send(page, type, payload);
  if (!reply.ok) throw new Error(`${type} failed: ${reply.error.code} ${reply.error.message}`);
  return reply.data;
}

export const readReminders = (page: Page): Promise<Reminder[]> => page.evaluate(remindersInPage);

/** Destinations refused other than Firefox's own services: requests the add-on or a page tried to make. */
export const strayRequests = (f: FirefoxLaunched) => f.proxy.blocked.filter((b) => !FIREFOX_OWN_HOSTS.some((h) => b === `CONNECT ${h}:443`));
