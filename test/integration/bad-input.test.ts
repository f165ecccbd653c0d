// Bad input of every kind against a real hub process: each gets a typed error or a refused/closed
// connection, the hub stays up, and the database does not change.
import path from 'node:path';
import { type HandshakeErrorData, LIMITS, newId, PROTOCOL_VERSION } from '@deskside/protocol';
import { SimulatedAgent, simulatedInventory, simulatedMetrics, inventoryHash } from '@deskside/simulator';
import Database from 'better-sqlite3';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, TEST_ENROLL_TOKEN, type TestHub } from '../support/hub.js';
import { RawEngineSocket } from '../support/raw-engine.js';

type Emit = (event: string, ...args: unknown[]) => Promise<unknown>;

/** The tables agent input could touch, counted, plus the device rows' agent-writable content. */
function snapshot(dataDir: string): Record<string, unknown> {
  const db = new Database(path.join(dataDir, 'deskside.db'), { readonly: true, fileMustExist: true });
  try {
    const tables = (db.prepare("select name from sqlite_master where type = 'table'").all() as Array<{ name: string }>)
      .map((t) => t.name)
      // Sessions and the audit trail record the test's own logins and the refusals; presence moves by itself.
      .filter((name) => !/^(sessions|audit|kysely_)/.test(name) && !/audit|attempt|login/.test(name));
    const out: Record<string, unknown> = {};
    for (const name of tables) out[name] = (db.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n;
    out['devices:content'] = db.prepare('select id, hostname, inventory_hash, revoked_at, os, cpu, ram_bytes from devices order by id').all();
    out['inventories:content'] = db.prepare('select device_id, hash from inventories order by device_id').all();
    return out;
  } finally {
    db.close();
  }
}

describe('bad input against a real hub', () => {
  let hub: TestHub;
  let token: string;
  let agent: SimulatedAgent;
  let victim: SimulatedAgent;
  let emit: Emit;

  const healthy = async () => expect((await fetch(`${hub.url}/healthz`)).status).toBe(200);
  const handshake = (nsp: string, auth: unknown) =>
    new Promise<HandshakeErrorData | 'connected'>((resolve) => {
      const s = io(`${hub.url}${nsp}`, { auth: auth as Record<string, unknown>, transports: ['websocket'], reconnection: false, forceNew: true });
      s.once('connect', () => {
        s.disconnect();
        resolve('connected');
      });
      s.once('connect_error', (err: Error & { data?: HandshakeErrorData }) => {
        s.disconnect();
        resolve(err.data ?? { code: 'forbidden', message: err.message });
      });
    });
  const newAgent = async (name: string) => {
    const a = new SimulatedAgent({ hubUrl: hub.url, enrollToken: TEST_ENROLL_TOKEN, machineId: `bad-input-${name}-0123456789`, hostname: name });
    await a.enroll();
    await a.connect();
    return a;
  };

  beforeAll(async () => {
    hub = await startHub();
    token = await hub.login();
    agent = await newAgent('attacker');
    victim = await newAgent('victim');
    const inv = simulatedInventory(7, 1);
    if (inv.os) inv.os.hostname = 'victim';
    await victim.sendInventory(inv);
    expect((await victim.heartbeat(simulatedMetrics())).ok).toBe(true);
    const socket = agent.socket;
    if (!socket) throw new Error('not connected');
    emit = (event, ...args) => (socket.timeout(10_000).emitWithAck as unknown as Emit)(event, ...args);
  });
  afterAll(async () => {
    agent?.close();
    victim?.close();
    await hub?.cleanup();
  });

  describe('handshakes', () => {
    it('refuses missing, malformed and wrong agent credentials', async () => {
      const valid = { protocolVersion: PROTOCOL_VERSION, deviceId: agent.deviceId, deviceKey: agent.deviceKey };
      expect(await handshake('/agent', {})).toMatchObject({ code: 'invalid_payload' });
      expect(await handshake('/agent', { ...valid, deviceKey: 42 })).toMatchObject({ code: 'invalid_payload' });
      expect(await handshake('/agent', { ...valid, deviceKey: 'k'.repeat(10_000) })).toMatchObject({ code: 'invalid_payload' });
      expect(await handshake('/agent', { ...valid, deviceKey: 'k'.repeat(43) })).toMatchObject({ code: 'unauthorized' });
      expect(await handshake('/agent', { ...valid, protocolVersion: -1 })).toMatchObject({ code: 'invalid_payload' });
      await healthy();
    });

    it("refuses an agent's credential on /console and a console token on /agent", async () => {
      expect(await handshake('/console', { protocolVersion: PROTOCOL_VERSION, token: agent.deviceKey })).not.toBe('connected');
      expect(await handshake('/console', { protocolVersion: PROTOCOL_VERSION, deviceId: agent.deviceId, deviceKey: agent.deviceKey })).not.toBe('connected');
      expect(await handshake('/agent', { protocolVersion: PROTOCOL_VERSION, token })).toMatchObject({ code: 'invalid_payload' });
      expect(await handshake('/agent', { protocolVersion: PROTOCOL_VERSION, deviceId: agent.deviceId, deviceKey: token })).toMatchObject({ code: 'unauthorized' });
      await healthy();
    });

    it('refuses a revoked device and drops its open socket', async () => {
      const doomed = await newAgent('doomed');
      const dropped = new Promise<string>((resolve) => doomed.socket?.once('disconnect', resolve));
      const res = await fetch(`${hub.url}/api/v1/devices/${doomed.deviceId}/revoke`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      expect(await dropped).toBeTruthy();
      expect(await handshake('/agent', { protocolVersion: PROTOCOL_VERSION, deviceId: doomed.deviceId, deviceKey: doomed.deviceKey })).toMatchObject({ code: 'revoked' });
    });
  });

  describe('payloads and packets (the database must not change)', () => {
    let before: Record<string, unknown>;
    beforeAll(() => {
      before = snapshot(hub.dataDir);
    });

    it.each<[string, unknown, string]>([
      ['a payload failing its schema', { id: 'nope', sentAt: 'now', metrics: {} }, 'invalid_payload'],
      ['negative sizes', { id: newId(), sentAt: new Date().toISOString(), metrics: { ...simulatedMetrics(), memUsedBytes: -1 } }, 'invalid_payload'],
      ['Infinity (JSON turns it to null)', { id: newId(), sentAt: new Date().toISOString(), metrics: { ...simulatedMetrics(), memTotalBytes: Infinity } }, 'invalid_payload'],
      ['a byte count past the cap', { id: newId(), sentAt: new Date().toISOString(), metrics: { ...simulatedMetrics(), diskTotalBytes: 1e300 } }, 'invalid_payload'],
      ['a far-future timestamp', { id: newId(), sentAt: '2999-01-01T00:00:00.000Z', metrics: simulatedMetrics() }, 'invalid_payload'],
      ['an ancient timestamp', { id: newId(), sentAt: '1970-01-01T00:00:00.000Z', metrics: simulatedMetrics() }, 'invalid_payload'],
      ['a __proto__ key', JSON.parse(`{"__proto__": {"polluted": true}, "id": "${newId()}"}`), 'invalid_payload'],
      ['a constructor key', JSON.parse(`{"constructor": {"prototype": {"polluted": true}}, "id": "${newId()}"}`), 'invalid_payload'],
      ['nesting past LIMITS.jsonDepth', JSON.parse(`${'{"a":'.repeat(LIMITS.jsonDepth + 4)}1${'}'.repeat(LIMITS.jsonDepth + 4)}`), 'invalid_payload'],
      ['an array where an object goes', [1, 2, 3], 'invalid_payload'],
      ['a bare string', 'x'.repeat(100_000), 'invalid_payload'],
    ])('device:heartbeat with %s answers %s', async (_label, payload, code) => {
      expect(await emit('device:heartbeat', payload)).toMatchObject({ ok: false, error: { code } });
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    });

    it('refuses over-long lists and strings inside an inventory', async () => {
      const doc = simulatedInventory(3, 1);
      const tooMany = { ...doc, volumes: Array.from({ length: LIMITS.inventoryList + 1 }, () => doc.volumes?.[0]) };
      const tooLong = { ...doc, os: doc.os ? { ...doc.os, hostname: 'h'.repeat(LIMITS.shortText + 1) } : null };
      for (const d of [tooMany, tooLong]) {
        expect(await emit('inventory:full', { id: newId(), hash: inventoryHash(d as typeof doc), document: d })).toMatchObject({
          ok: false,
          error: { code: 'invalid_payload' },
        });
      }
      // A document whose hash does not match.
      expect(await emit('inventory:full', { id: newId(), hash: 'a'.repeat(64), document: doc })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    });

    it('answers unknown_event to unknown and hub-only events, and calls without an ack change nothing', async () => {
      for (const e of ['device:format-disk', 'policy:update', 'fleet:watch', '__proto__', 'constructor', 'x'.repeat(5000)]) {
        expect(await emit(e, { id: newId() })).toMatchObject({ ok: false, error: { code: 'unknown_event' } });
      }
      // No ack callback: the hub drops it without writing (checked by the snapshot below).
      (agent.socket as unknown as { emit(e: string, p: unknown): void }).emit('device:heartbeat', { id: newId(), sentAt: new Date().toISOString(), metrics: simulatedMetrics() });
      expect(await emit('device:heartbeat', 'still alive?')).toMatchObject({ ok: false });
    });

    it('refuses a replayed message id with a changed payload', async () => {
      const id = newId();
      const sentAt = new Date().toISOString();
      const first = await victim.socket?.timeout(10_000).emitWithAck('device:heartbeat', { id, sentAt, metrics: simulatedMetrics() });
      expect(first?.ok).toBe(true);
      before = snapshot(hub.dataDir); // the first send was legitimate; only the replay must change nothing
      const replay = await victim.socket?.timeout(10_000).emitWithAck('device:heartbeat', { id, sentAt, metrics: { ...simulatedMetrics(), cpuPercent: 1 } });
      expect(replay).toMatchObject({ ok: false, error: { code: 'idempotency_conflict' } });
    });

    it('closes a connection that sends more than the socket message limit', async () => {
      const big = await newAgent('big');
      const closed = new Promise<string>((resolve) => big.socket?.once('disconnect', resolve));
      (big.socket as unknown as { emit(e: string, p: unknown): void }).emit('device:heartbeat', { id: newId(), pad: 'x'.repeat(LIMITS.socketMessageBytes + 1024) });
      expect(await closed).toMatch(/transport|closed/);
      big.close();
      before = snapshot(hub.dataDir); // enrolling "big" was legitimate
    });

    it.each<[string, string[]]>([
      ['garbage text', ['hello', '{}', '\u0000\u0001', '💥'.repeat(100)]],
      ['unknown engine.io packet types', ['7', '9xyz', '6', '5']],
      ['unknown socket.io packet types', ['47/agent,', '4x', '49']],
      ['an event before connecting to the namespace', ['42/agent,["device:heartbeat",{}]']],
      ['a namespace that does not exist', ['40/admin,{}']],
      ['a CONNECT to /agent with junk auth', ['40/agent,{"deviceId":{"$ne":null}}', '40/agent,[[[[[[[[[[]]]]]]]]]]', '40/agent,not-json']],
      ['a binary attachment count that lies', ['451-/agent,["device:heartbeat",{"_placeholder":true,"num":0}]', '4599999999-["x"]', '45-1-["x"]']],
      ['huge and negative ack ids', ['42/agent,99999999999999999999999999999["device:heartbeat",{}]', '42/agent,-5["x"]', '42/agent,1e400["x"]']],
      ['truncated JSON', ['42/agent,["device:heartbeat",{"id":', '42["', '2probe' + '['.repeat(50_000)]],
    ])('%s: the connection is refused or closed and the hub stays up', async (_label, frames) => {
      const raw = new RawEngineSocket(hub.url);
      await raw.opened;
      expect(await raw.waitFor(/^0\{/)).toBeTruthy(); // engine.io open
      for (const f of frames) raw.send(f);
      const closed = await raw.closedWithin(3000);
      const refusedNamespace = raw.received.some((f) => /^44/.test(f));
      // Whatever happened, nothing was accepted: no ack and no namespace connect.
      expect(raw.received.some((f) => /^43/.test(f) || /^40\/agent,\{"sid"/.test(f))).toBe(false);
      expect(closed || refusedNamespace).toBe(true);
      raw.close();
      await healthy();
    });

    it('closes a raw websocket whose single frame is past the socket message limit', async () => {
      const raw = new RawEngineSocket(hub.url);
      await raw.opened;
      await raw.waitFor(/^0\{/);
      raw.send(`42/agent,["device:heartbeat","${'x'.repeat(LIMITS.socketMessageBytes + 10)}"]`);
      expect(await raw.closedWithin(3000)).toBe(true);
      await healthy();
    });

    it('survives a binary frame flood on an authenticated raw socket', async () => {
      const raw = new RawEngineSocket(hub.url);
      await raw.opened;
      await raw.waitFor(/^0\{/);
      raw.send(`40/agent,${JSON.stringify({ protocolVersion: PROTOCOL_VERSION, deviceId: agent.deviceId, deviceKey: agent.deviceKey })}`);
      expect(await raw.waitFor(/^40\/agent,\{"sid"/)).toBeTruthy();
      raw.send(`451-/agent,7["device:heartbeat",{"_placeholder":true,"num":0}]`);
      for (let i = 0; i < 5; i++) raw.send(Buffer.alloc(1024, i));
      raw.send(`42/agent,99999999999999999999999["device:heartbeat",{"id":"x"}]`);
      // Deeper than JSON.parse can recurse: the hub's parser must fail safe, not crash.
      raw.send(`42/agent,8["device:heartbeat",${'['.repeat(200_000)}${']'.repeat(200_000)}]`);
      await raw.closedWithin(1500);
      // A lying attachment count may only ever produce a typed refusal, never a stored write.
      for (const f of raw.received.filter((x) => /^43/.test(x))) expect(f).toMatch(/"ok":false/);
      raw.close();
      await healthy();
    });

    it('left the database exactly as it was', () => {
      expect(snapshot(hub.dataDir)).toEqual(before);
    });
  });

  describe('forged device ids', () => {
    it("never writes to another device's records, whatever the payload claims", async () => {
      const count = (id: string) => {
        const db = new Database(path.join(hub.dataDir, 'deskside.db'), { readonly: true, fileMustExist: true });
        try {
          return {
            samples: (db.prepare('select count(*) as n from health_samples where device_id = ?').get(id) as { n: number }).n,
            inventory: db.prepare('select hash from inventories where device_id = ?').get(id),
            hostname: db.prepare('select hostname from devices where id = ?').get(id),
          };
        } finally {
          db.close();
        }
      };
      const victimBefore = count(victim.deviceId);
      const forged = { deviceId: victim.deviceId, device_id: victim.deviceId, siteId: 'x' };
      const hb = await emit('device:heartbeat', { id: newId(), sentAt: new Date().toISOString(), metrics: simulatedMetrics(), ...forged });
      const doc = simulatedInventory(99, 1);
      if (doc.os) doc.os.hostname = 'forged-hostname';
      const inv = await emit('inventory:full', { id: newId(), hash: inventoryHash(doc), document: doc, ...forged });
      // Extra keys are either refused or ignored; if accepted, the write went to the sender only.
      for (const ack of [hb, inv]) expect(ack).toHaveProperty('ok');
      expect(count(victim.deviceId)).toEqual(victimBefore);
      await healthy();
    });
  });
});
