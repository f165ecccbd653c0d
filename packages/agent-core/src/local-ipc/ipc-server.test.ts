import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LocalTicket } from '../tickets/my-ticket.js';
import { silentLogger } from '../util/logger.js';
import { AgentIpcClient } from './ipc-client.js';
import { AgentIpcServer } from './ipc-server.js';
import { remoteTickets } from './remote-tickets.js';
import type { ChallengeIssuer, PeerUser } from './peer-proof.js';
import type { SharedDesk } from './user-tickets.js';

// The same process plays both users here (the cross-user proof runs in test/integration/local-ipc
// as root); the challenge files are plain temp files and `resolveUser` maps the claimed uid.
const USERS: Record<number, string> = { 1001: 'alice', 1002: 'bob' };
const dir = mkdtempSync(join(tmpdir(), 'ipc-server-'));
const socket = join(dir, 'agent.sock');

function ticket(id: string, owner: string | null, subject: string): LocalTicket {
  return { v: 1, id, delivery: 'queued', number: null, subject, description: 'd', category: 'other', priority: 'P3', createdAt: '2026-12-07T10:00:00.000Z', hub: null, pendingReplies: [], failure: null, owner };
}

function fakeDesk(): SharedDesk & { tickets: LocalTicket[] } {
  const tickets = [ticket('01JF0000000000000000000001', 'alice', "Alice's printer"), ticket('01JF0000000000000000000002', 'bob', "Bob's VPN"), ticket('01JF0000000000000000000003', null, 'From the hub')];
  return {
    tickets,
    store: { list: () => Promise.resolve(tickets), get: (id) => Promise.resolve(tickets.find((t) => t.id === id) ?? null) },
    create: () => Promise.reject(new Error('not used')),
    confirm: () => Promise.reject(new Error('not used')),
    rate: () => Promise.reject(new Error('not used')),
    reply: (id) => Promise.resolve({ ...ticketView(tickets.find((t) => t.id === id)!) }),
    diagnostics: () => Promise.reject(new Error('not used')),
    checkConnection: () => Promise.reject(new Error('not used')),
    onChange: () => () => undefined,
  };
}

function ticketView(t: LocalTicket) {
  return { id: t.id, number: null, subject: t.subject, category: t.category, status: 'new' as const, priority: t.priority, delivery: t.delivery, createdAt: t.createdAt, updatedAt: t.createdAt, messages: [], askConfirm: false, resolvedBy: null, confirmDays: null, satisfaction: null };
}

const fileChallenges: ChallengeIssuer = {
  issue() {
    const secret = randomBytes(32).toString('hex');
    const path = join(dir, `challenge-${randomBytes(4).toString('hex')}`);
    writeFileSync(path, secret);
    return Promise.resolve({ path, matches: (s) => s === secret, dispose: () => Promise.resolve(rmSync(path, { force: true })) });
  },
};

let server: AgentIpcServer | null = null;
const clients: AgentIpcClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.stop();
  await server?.close();
  server = null;
});

async function start(onTrayLost?: (u: PeerUser) => void) {
  server = new AgentIpcServer({
    path: socket,
    desk: fakeDesk(),
    status: () => ({ phase: 'connected', hubUrl: 'https://hub', deviceId: null }),
    onStatus: () => () => undefined,
    challenges: fileChallenges,
    resolveUser: ({ uid }) => Promise.resolve(uid !== null && USERS[uid] ? { name: USERS[uid], uid } : null),
    logger: silentLogger,
    trayGraceMs: 100,
    ...(onTrayLost ? { onTrayLost } : {}),
  });
  await server.listen();
}

function client(uid: number) {
  const c = new AgentIpcClient({ path: socket, identity: { user: 'whoever', uid }, reconnectMs: 50 });
  clients.push(c);
  const connected = new Promise<void>((resolve) => c.onConnection((ok) => ok && resolve()));
  c.start();
  return { c, connected };
}

describe('AgentIpcServer', () => {
  it('names the user from the uid (not the claim) and lists only their tickets', async () => {
    await start();
    const alice = client(1001);
    await alice.connected;
    expect((await alice.c.call('tickets.list', {})).map((t) => t.subject)).toEqual(["Alice's printer"]);
    expect(server?.connectedUsers()).toEqual(['alice']);
    await expect(alice.c.call('tickets.reply', { ticketId: '01JF0000000000000000000002', body: 'hi' })).rejects.toMatchObject({ code: 'invalid_payload' });
    await expect(alice.c.call('tickets.reply', { ticketId: '01JF0000000000000000000003', body: 'hi' })).rejects.toMatchObject({ code: 'invalid_payload' });
    await expect(alice.c.call('tickets.reply', { ticketId: 'not-an-id', body: 'hi' })).rejects.toMatchObject({ code: 'invalid_payload' });
  });

  it('refuses an unknown uid, a wrong answer and calls before the proof', async () => {
    await start();
    const stranger = new AgentIpcClient({ path: socket, identity: { user: 'eve', uid: 4242 } });
    clients.push(stranger);
    const refused = new Promise<string | null>((resolve) => stranger.onConnection((ok, reason) => !ok && resolve(reason)));
    stranger.start();
    expect(await refused).toMatch(/^unauthorized/);

    const raw = connect(socket);
    const lines: string[] = [];
    raw.on('data', (d) => lines.push(...d.toString().trim().split('\n')));
    await new Promise((r) => raw.once('connect', r));
    raw.write(`${JSON.stringify({ type: 'call', id: 1, method: 'tickets.list', params: {} })}\n`);
    await vi.waitFor(() => expect(lines.join()).toContain('"refused"'));
    raw.destroy();

    const guesser = connect(socket);
    const said: string[] = [];
    guesser.on('data', (d) => said.push(...d.toString().trim().split('\n')));
    await new Promise((r) => guesser.once('connect', r));
    guesser.write(`${JSON.stringify({ type: 'hello', v: 1, user: 'bob', uid: 1002 })}\n`);
    await vi.waitFor(() => expect(said.join()).toContain('"challenge"'));
    guesser.write(`${JSON.stringify({ type: 'prove', secret: '0'.repeat(64) })}\n`);
    await vi.waitFor(() => expect(said.join()).toContain('"unauthorized"'));
    guesser.destroy();
  });

  it('reports a tray that vanished without bye, not one that quit', async () => {
    const lost: string[] = [];
    await start((u) => lost.push(u.name));
    const alice = client(1001);
    await alice.connected;
    alice.c.stop(); // Quit: says bye
    // Bob's tray signs in, then dies: its socket closes without a word.
    const bob = connect(socket);
    const said: string[] = [];
    bob.on('data', (d) => said.push(...d.toString().trim().split('\n')));
    await new Promise((r) => bob.once('connect', r));
    bob.write(`${JSON.stringify({ type: 'hello', v: 1, user: 'bob', uid: 1002 })}\n`);
    const path = await vi.waitFor(() => {
      const challenge = said.map((l) => JSON.parse(l) as { type: string; path?: string }).find((m) => m.type === 'challenge');
      if (!challenge?.path) throw new Error('no challenge yet');
      return challenge.path;
    });
    bob.write(`${JSON.stringify({ type: 'prove', secret: readFileSync(path, 'utf8') })}\n`);
    await vi.waitFor(() => expect(said.join()).toContain('"welcome"'));
    bob.destroy();
    await vi.waitFor(() => expect(lost).toEqual(['bob']));
    await new Promise((r) => setTimeout(r, 200));
    expect(lost).toEqual(['bob']);
  });

  it('serves the tray\'s tickets port over the socket (the seam the tray uses in service mode)', async () => {
    await start();
    const alice = client(1001);
    await alice.connected;
    const port = remoteTickets(alice.c);
    expect((await port.list()).map((t) => t.subject)).toEqual(["Alice's printer"]);
    expect(await port.hasOpenTicket()).toBe(true);
    expect((await port.reply('01JF0000000000000000000001', 'any news?')).id).toBe('01JF0000000000000000000001');
  });
});
