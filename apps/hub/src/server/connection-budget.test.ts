import { createServer, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { budgetConnections, defaultTotalConnections, type ConnectionBudget, type ConnectionLimits } from './connection-budget.js';

const LIMITS: ConnectionLimits = { idleMs: 300, perAddress: 1000, total: 1000 };

describe('budgetConnections', () => {
  let server: Server;
  let budget: ConnectionBudget;
  const sockets: Socket[] = [];

  async function serve(limits: Partial<ConnectionLimits> = {}, respondAfterMs = 0): Promise<number> {
    server = createServer((_req, res) => void setTimeout(() => res.end('ok'), respondAfterMs));
    budget = budgetConnections(server, { ...LIMITS, ...limits });
    budget.watchRequests();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return (server.address() as { port: number }).port;
  }

  function open(port: number, localAddress = '127.0.0.1'): Promise<Socket> {
    return new Promise((resolve, reject) => {
      const socket = connect({ port, host: '127.0.0.1', localAddress }, () => resolve(socket));
      socket.on('error', reject);
      sockets.push(socket);
    });
  }
  const closed = (socket: Socket) => new Promise<void>((resolve) => (socket.closed ? resolve() : socket.once('close', () => resolve())));

  afterEach(async () => {
    for (const s of sockets.splice(0)) s.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('closes a connection that never starts a request, and counts it', async () => {
    const port = await serve();
    const silent = await open(port);
    await closed(silent);
    expect(budget.refused.idle).toBe(1);
    await expect.poll(() => budget.open()).toBe(0);
  });

  it('keeps a connection whose request takes longer than the idle deadline to answer', async () => {
    const port = await serve({}, 1200);
    const socket = await open(port);
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    socket.write('GET / HTTP/1.1\r\nHost: hub\r\n\r\n');
    await expect.poll(() => answer, { timeout: 10_000 }).toContain('\r\n\r\nok');
    expect(budget.refused.idle).toBe(0);
  });

  it('refuses connections beyond the per-address cap, while other addresses still connect', async () => {
    const port = await serve({ perAddress: 3, idleMs: 60_000 });
    const first = await Promise.all([open(port), open(port), open(port)]);
    await expect.poll(() => budget.open('127.0.0.1')).toBe(3);
    const fourth = await open(port);
    await closed(fourth);
    expect(budget.refused.perAddress).toBe(1);
    const other = await open(port, '127.0.0.2');
    await expect.poll(() => budget.open('127.0.0.2')).toBe(1);
    expect(other.destroyed).toBe(false);
    // A slot comes back when a connection closes.
    first[0]?.destroy();
    await expect.poll(() => budget.open('127.0.0.1')).toBe(2);
    await open(port);
    await expect.poll(() => budget.open('127.0.0.1')).toBe(3);
  });

  it('refuses connections beyond the total, whatever their address', async () => {
    const port = await serve({ total: 2, idleMs: 60_000 });
    await open(port, '127.0.0.3');
    await open(port, '127.0.0.4');
    await expect.poll(() => budget.open()).toBe(2);
    const third = await open(port, '127.0.0.5');
    await closed(third);
    expect(budget.refused.total).toBe(1);
  });
});

describe('defaultTotalConnections', () => {
  it('keeps a reserve below the soft open-file limit', () => {
    const limits = 'Limit                     Soft Limit           Hard Limit           Units\nMax open files            20000                20000                files\n';
    expect(defaultTotalConnections(limits)).toBe(18_976);
  });
  it('falls back when the limit is unknown or unlimited', () => {
    expect(defaultTotalConnections('')).toBe(16_384);
    expect(defaultTotalConnections('Max open files            unlimited            unlimited            files\n')).toBe(16_384);
    expect(defaultTotalConnections('Max open files            100                  100                  files\n')).toBe(64);
  });
});
