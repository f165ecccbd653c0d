import { newId, type InventoryDelta, type InventoryFull } from '@deskside/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashOf, inventoryDocument } from '../testing/fixtures.js';
import { startHarness, type AgentClient, type Harness, type TestDevice } from '../testing/harness.js';

describe('inventory exchange', () => {
  let h: Harness;
  let device: TestDevice;
  let socket: AgentClient;

  const full = (doc = inventoryDocument()): InventoryFull => ({ id: newId(), hash: hashOf(doc), document: doc });
  const sendFull = (payload: InventoryFull) => socket.timeout(5000).emitWithAck('inventory:full', payload);
  const sendDelta = (payload: InventoryDelta) => socket.timeout(5000).emitWithAck('inventory:delta', payload);
  const offer = (hash: string) => socket.timeout(5000).emitWithAck('inventory:offer', { id: newId(), hash });

  beforeEach(async () => {
    h = await startHarness();
    device = await h.enrollDevice('old-name');
    socket = await h.connectAgent(device);
  });
  afterEach(async () => {
    await h.close();
  });

  it('wants an unknown hash, stores the full document, then calls the hash current', async () => {
    const payload = full();
    expect(await offer(payload.hash)).toEqual({ ok: true, data: { status: 'wanted', knownHash: null } });
    expect(await sendFull(payload)).toEqual({ ok: true, data: { hash: payload.hash } });
    expect(await offer(payload.hash)).toEqual({ ok: true, data: { status: 'current', knownHash: payload.hash } });
    expect((await h.store.inventory.get(device.id))?.document).toEqual(payload.document);
  });

  it('refreshes the fleet-list columns from the document', async () => {
    await sendFull(full());
    const record = await h.store.devices.findById(device.id);
    expect(record).toMatchObject({
      hostname: 'pc-042',
      os: 'Ubuntu 22.04.4 LTS',
      cpu: 'Core i5-1135G7',
      ramBytes: 16 * 2 ** 30,
      diskTotalBytes: 1500 * 2 ** 30,
      diskUsedBytes: 210 * 2 ** 30,
      ip: '192.168.1.42',
    });
  });

  it('answers invalid_payload to a hash that does not match the document, and stores nothing', async () => {
    const payload = full();
    const ack = await sendFull({ ...payload, hash: 'f'.repeat(64) });
    expect(ack).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(await h.store.inventory.get(device.id)).toBeUndefined();
  });

  it('answers the same to a re-sent full document, and a conflict to a changed one', async () => {
    const payload = full();
    const first = await sendFull(payload);
    expect(await sendFull(payload)).toEqual(first);
    const other = inventoryDocument('renamed');
    const clash = await sendFull({ id: payload.id, hash: hashOf(other), document: other });
    expect(clash).toMatchObject({ ok: false, error: { code: 'idempotency_conflict' } });
    expect((await h.store.inventory.get(device.id))?.hash).toBe(payload.hash);
  });

  it('applies a delta onto the stored document', async () => {
    const base = full();
    await sendFull(base);
    const next = { ...base.document, memory: { totalBytes: 32 * 2 ** 30, modules: [] } };
    const { network: _dropped, ...withoutNetwork } = next;
    const ack = await sendDelta({ id: newId(), baseHash: base.hash, hash: hashOf(withoutNetwork), set: { memory: next.memory }, remove: ['network'] });
    expect(ack).toEqual({ ok: true, data: { hash: hashOf(withoutNetwork) } });
    const stored = await h.store.inventory.get(device.id);
    expect(stored?.document.memory?.totalBytes).toBe(32 * 2 ** 30);
    expect(stored?.document.network).toBeUndefined();
    expect((await h.store.devices.findById(device.id))?.ramBytes).toBe(32 * 2 ** 30);
  });

  it('answers inventory_base_mismatch to a delta on a base the hub does not hold', async () => {
    const base = full();
    await sendFull(base);
    const ack = await sendDelta({ id: newId(), baseHash: 'e'.repeat(64), hash: base.hash, set: {}, remove: [] });
    expect(ack).toMatchObject({ ok: false, error: { code: 'inventory_base_mismatch' } });
  });

  it('answers inventory_base_mismatch when the result does not hash to `hash`, and keeps the old document', async () => {
    const base = full();
    await sendFull(base);
    const ack = await sendDelta({ id: newId(), baseHash: base.hash, hash: base.hash, set: { memory: { totalBytes: 1, modules: [] } }, remove: [] });
    expect(ack).toMatchObject({ ok: false, error: { code: 'inventory_base_mismatch' } });
    expect((await h.store.inventory.get(device.id))?.document.memory?.totalBytes).toBe(16 * 2 ** 30);
    // A refusal is not remembered: the same id may carry a corrected delta.
  });

  it("stores under the socket's device, never the one a payload names", async () => {
    const other = await h.enrollDevice('victim');
    const payload = { ...full(), deviceId: other.id };
    expect((await (socket.timeout(5000).emitWithAck as (e: string, p: unknown) => Promise<{ ok: boolean }>)('inventory:full', payload)).ok).toBe(true);
    expect(await h.store.inventory.get(other.id)).toBeUndefined();
    expect((await h.store.devices.findById(other.id))?.hostname).toBe('victim');
  });

  it('does not ask again for an inventory it holds', async () => {
    await sendFull(full());
    socket.disconnect();
    const again = h.openAgent(device);
    const requests: unknown[] = [];
    again.on('inventory:request', (r) => requests.push(r));
    const policy = new Promise((resolve) => again.once('policy:update', resolve));
    await h.waitConnected(again);
    await policy;
    expect(requests).toEqual([]);
  });
});
