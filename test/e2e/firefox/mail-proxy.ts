/**
 * Firefox's whole network, kept on this machine: a local proxy that Firefox
 * is told to use for every http and https request (pages, the event page's
 * reply checks, Firefox's own services). `CONNECT mail.google.com:443` is
 * answered by a TLS server in this process with a throwaway self-signed
 * certificate (Firefox runs with acceptInsecureCerts), and its requests go to
 * the same handlers the Chromium tests route (gmail-pages.ts); every other
 * destination is refused and recorded. Page interception could not do this:
 * it never sees the event page's own fetch calls.
 */
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { Request, Route } from 'playwright-core';
import selfsigned from 'selfsigned';
import type { MailRouteHandler } from '../harness';

const MAIL = 'mail.google.com';

export interface MailProxy {
  port: number;
  /** Destinations refused (each `CONNECT host:port` or plain-http URL). */
  blocked: string[];
  /** Serves mail.google.com with this handler from now on (undefined: 404 for everything). */
  setMail(handler: MailRouteHandler | undefined): void;
  close(): Promise<void>;
}

interface Fulfil {
  status?: number;
  contentType?: string;
  body?: string | Buffer;
  headers?: Record<string, string>;
}

/**
 * The few parts of Playwright's Route/Request the shared Gmail handlers use,
 * over a Node request. Anything else is a programming error in a test and throws.
 */
function adapt(req: IncomingMessage, body: Buffer, res: ServerResponse): { route: Route; request: Request } {
  const url = `https://${MAIL}${req.url ?? '/'}`;
  const fulfill = async (f: Fulfil) => {
    const headers: Record<string, string> = { ...(f.headers ?? {}) };
    if (f.contentType) headers['content-type'] = f.contentType;
    res.writeHead(f.status ?? 200, headers);
    res.end(f.body ?? '');
  };
  const abort = async () => void req.socket.destroy();
  const request = {
    url: () => url,
    method: () => req.method ?? 'GET',
    headers: () => Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])),
    postData: () => (body.length ? body.toString('utf8') : null),
    // Firefox says what a request is for: a top-level or frame navigation is a document.
    isNavigationRequest: () => req.headers['sec-fetch-dest'] === 'document' || req.headers['sec-fetch-dest'] === 'iframe',
    serviceWorker: () => null,
  };
  const route = { fulfill, abort, continue: () => fulfill({ status: 404 }) };
  const strict = <T extends object>(o: T, what: string) =>
    new Proxy(o, {
      get(target, key) {
        if (key in target || typeof key === 'symbol' || key === 'then') return (target as Record<string | symbol, unknown>)[key];
        throw new Error(`Firefox mail proxy: ${what}.${String(key)}() is not supported`);
      },
    });
  return { route: strict(route, 'route') as unknown as Route, request: strict(request, 'request') as unknown as Request };
}

export async function startMailProxy(): Promise<MailProxy> {
  const pems = await selfsigned.generate([{ name: 'commonName', value: MAIL }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: MAIL }] }],
  });
  let mail: MailRouteHandler | undefined;
  const blocked: string[] = [];

  const tls = createHttpsServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const { route, request } = adapt(req, Buffer.concat(chunks), res);
      if (!mail) return void route.fulfill({ status: 404, body: '' });
      Promise.resolve(mail(route, request)).catch((error: unknown) => {
        if (!res.headersSent) {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(`Test handler failed: ${String(error)}`);
        }
      });
    });
  });

  const proxy = createHttpServer((req, res) => {
    // Plain http through the proxy: never answered from here, never forwarded.
    blocked.push(req.url ?? '');
    res.writeHead(403);
    res.end();
  });
  const sockets = new Set<Socket>();
  proxy.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  proxy.on('connect', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    if (req.url !== `${MAIL}:443`) {
      blocked.push(`CONNECT ${req.url}`);
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length) socket.unshift(head);
    tls.emit('connection', socket);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));

  return {
    port: (proxy.address() as AddressInfo).port,
    blocked,
    setMail: (handler) => (mail = handler),
    close: async () => {
      sockets.forEach((s) => s.destroy());
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
      tls.close();
    },
  };
}
