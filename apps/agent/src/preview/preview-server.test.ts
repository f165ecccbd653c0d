import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startPreviewServer, withBridge, type PreviewServer } from './preview-server.js';
import type { TrayHarness } from './tray-harness.js';

const PAGE = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; connect-src 'none'" />
    <script type="module" src="./x.js"></script>`;

describe('preview server', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'preview-server-'));
  const listMyTickets = vi.fn(() => Promise.resolve([{ id: 'a' }]));
  const submitTicket = vi.fn();
  let server: PreviewServer;

  beforeAll(async () => {
    writeFileSync(path.join(dir, 'get-help.html'), PAGE);
    const harness = {
      handlers: { 'tickets:list': listMyTickets, 'ticket:submit': submitTicket },
      notices: () => [{ ticketId: 'x', title: '<b>New answer</b>', body: 'Try tray 2', at: '2026-01-01T00:00:00Z' }],
      attach: () => () => undefined,
      tickets: { openGetHelp: () => Promise.resolve() },
    } as unknown as TrayHarness;
    server = await startPreviewServer({ rendererDir: dir, harness });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const invoke = (body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    fetch(`${server.url}/bridge/invoke`, { method: 'POST', headers, body: JSON.stringify(body) });

  it('puts the bridge before the page script and opens connect-src to itself only', () => {
    const html = withBridge(PAGE);
    expect(html).toContain("connect-src 'self'");
    expect(html.indexOf('/preview-bridge.js')).toBeLessThan(html.indexOf('./x.js'));
  });

  it('serves pages with the bridge, and nothing outside the renderer directory', async () => {
    expect(await (await fetch(`${server.url}/get-help.html`)).text()).toContain('/preview-bridge.js');
    expect((await fetch(`${server.url}/..%2F..%2Fetc%2Fpasswd`)).status).toBe(403);
  });

  it('runs the real handler of a known channel, and refuses unknown channels and non-JSON posts', async () => {
    const ok = await invoke({ channel: 'tickets:list', args: [] });
    expect(await ok.json()).toEqual({ value: [{ id: 'a' }] });
    expect((await invoke({ channel: 'shell:exec', args: [] })).status).toBe(400);
    expect((await invoke({ channel: 'tickets:list', args: [] }, { 'content-type': 'text/plain' })).status).toBe(415);
  });

  it('answers only requests addressed to its own host (no DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      const url = new URL(server.url);
      request({ host: url.hostname, port: url.port, path: '/', headers: { host: 'evil.example:80' } }, (res) => resolve(res.statusCode ?? 0)).end();
    });
    expect(status).toBe(421);
  });

  it('escapes notification text on the index page', async () => {
    const html = await (await fetch(server.url)).text();
    expect(html).toContain('&#60;b&#62;New answer&#60;/b&#62;');
    expect(html).not.toContain('<b>New answer');
  });
});
