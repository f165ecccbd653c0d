import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { INVOKE_CHANNEL_LIST, type IpcInvokeChannel } from '../common/ipc-channels.js';
import type { WindowKind } from '../main/windows.js';
import { previewBridgeScript } from './bridge-script.js';
import { PREVIEW_INDEX_CSS, previewIndexPage } from './index-page.js';
import type { TrayHarness } from './tray-harness.js';

const WINDOW_KINDS: readonly WindowKind[] = ['get-help', 'my-tickets', 'this-computer', 'check-connection', 'fix-consent', 'help-articles'];
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};
/** Largest bridge call body: a Get help form is at most ~17 KB; attachments are well below this. */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

export interface PreviewServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the built renderer pages on 127.0.0.1 with the preview bridge in place of the preload:
 * `/bridge/invoke` runs the tray's real IPC handler for a channel of the fixed list, and
 * `/bridge/events` streams the pushes main would send to that window. Only requests addressed to
 * this host are answered (no DNS rebinding), and calls must be JSON (no cross-site form posts).
 */
export async function startPreviewServer(options: { rendererDir: string; harness: TrayHarness; port?: number }): Promise<PreviewServer> {
  const base = path.resolve(options.rendererDir);
  let origin = '';
  const streams = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, { error: 'The preview server failed.' });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.headers.host !== new URL(origin).host) return void send(res, 421, { error: 'Wrong host.' });
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname === '/bridge/invoke' && req.method === 'POST') return invoke(req, res);
    if (url.pathname === '/bridge/events') return events(url, res);
    if (url.pathname === '/preview-bridge.js') return void res.writeHead(200, { 'content-type': TYPES['.js'] }).end(previewBridgeScript());
    if (url.pathname === '/open/get-help') {
      // The tray menu's "Get help": the screenshot is taken before the window opens.
      await options.harness.tickets.openGetHelp();
      return void res.writeHead(303, { location: '/get-help.html' }).end();
    }
    if (url.pathname === '/preview-index.css') return void res.writeHead(200, { 'content-type': TYPES['.css'] }).end(PREVIEW_INDEX_CSS);
    if (url.pathname === '/') return void res.writeHead(200, { 'content-type': TYPES['.html'] }).end(previewIndexPage(options.harness.notices()));
    return staticFile(url.pathname, res);
  }

  async function invoke(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) return void send(res, 415, { error: 'JSON only.' });
    const body = await readBody(req);
    if (body === null) return void send(res, 413, { error: 'Too large.' });
    let call: { channel?: unknown; args?: unknown };
    try {
      call = JSON.parse(body) as typeof call;
    } catch {
      return void send(res, 400, { error: 'Not JSON.' });
    }
    const channel = call.channel as IpcInvokeChannel;
    if (!INVOKE_CHANNEL_LIST.includes(channel) || !Array.isArray(call.args)) return void send(res, 400, { error: 'Unknown call.' });
    try {
      const value = await options.harness.handlers[channel](...(call.args as unknown[]));
      send(res, 200, { value: value ?? null });
    } catch (error) {
      // Like Electron's invoke: the renderer gets a rejected promise and words it itself.
      send(res, 500, { error: error instanceof Error ? error.message : 'failed' });
    }
  }

  function events(url: URL, res: ServerResponse): void {
    const kind = url.searchParams.get('window') as WindowKind;
    if (!WINDOW_KINDS.includes(kind)) return void send(res, 400, { error: 'Unknown window.' });
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    streams.add(res);
    const detach = options.harness.attach({
      kind,
      closed: () => res.writableEnded || res.destroyed,
      send: (channel, value) => void res.write(`data: ${JSON.stringify({ channel, value })}\n\n`),
    });
    res.on('close', () => {
      streams.delete(res);
      detach();
    });
  }

  async function staticFile(pathname: string, res: ServerResponse): Promise<void> {
    const file = path.resolve(base, `.${decodeURIComponent(pathname)}`);
    if (!file.startsWith(base + path.sep)) return void send(res, 403, { error: 'Forbidden.' });
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return void send(res, 404, { error: 'Not found.' });
    }
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, { 'content-type': type, 'x-content-type-options': 'nosniff' });
    res.end(path.extname(file) === '.html' ? withBridge(body.toString('utf8')) : body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of streams) stream.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * The page as Electron loads it, plus the bridge script before the app's module, and `connect-src`
 * opened to this origin only (the bridge's fetch and event stream; Electron keeps 'none').
 */
export function withBridge(html: string): string {
  return html
    .replace("connect-src 'none'", "connect-src 'self'")
    .replace('<script type="module"', '<script src="/preview-bridge.js"></script>\n    <script type="module"');
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
