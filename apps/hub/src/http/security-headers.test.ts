import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, HSTS, secureEveryResponse } from './security-headers.js';

describe('security headers on every response', () => {
  const closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  const start = async (tls: boolean) => {
    const server = createServer((_req, res) => res.end('api'));
    const io = new Server(server, { serveClient: false });
    secureEveryResponse(server, tls);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise<void>((resolve) => void io.close(() => resolve())));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };

  it("reach socket.io's polling transport and its errors, not only the hub's own routes", async () => {
    const base = await start(false);
    for (const path of ['/api/v1/devices', '/socket.io/?EIO=4&transport=polling', '/socket.io/?EIO=4&transport=nonsense']) {
      const res = await fetch(base + path);
      await res.text();
      expect(res.headers.get('content-security-policy'), path).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('strict-transport-security'), path).toBeNull();
    }
  });

  it('add HSTS when the hub serves TLS', async () => {
    const base = await start(true);
    const res = await fetch(`${base}/socket.io/?EIO=4&transport=polling`);
    await res.text();
    expect(res.headers.get('strict-transport-security')).toBe(HSTS);
  });
});
