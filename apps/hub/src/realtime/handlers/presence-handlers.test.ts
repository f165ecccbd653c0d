import { newId, type PresenceNotice } from '@deskside/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, until, type AgentClient, type Harness, type TestDevice } from '../testing/harness.js';

describe('device:presence', () => {
  let h: Harness;
  let device: TestDevice;
  let socket: AgentClient;
  const notice = (state: PresenceNotice['state'], id = newId()): PresenceNotice => ({ id, sentAt: new Date().toISOString(), state });
  const status = async () => (await h.realtime.fleet.detail(device.id))?.status;

  beforeEach(async () => {
    h = await startHarness();
    device = await h.enrollDevice();
    socket = await h.connectAgent(device);
  });
  afterEach(async () => {
    await h.close();
  });

  it('shows a suspended device asleep, also after its socket closes', async () => {
    expect(await status()).toBe('online');
    expect(await socket.timeout(5000).emitWithAck('device:presence', notice('suspending'))).toEqual({ ok: true, data: { state: 'suspending' } });
    expect(await status()).toBe('asleep');
    socket.disconnect();
    await until(async () => ((await h.metrics.render()).match(/deskside_agents_connected 0/) ?? null) !== null, 'disconnect seen');
    expect(await status()).toBe('asleep');
    expect((await h.store.devices.findById(device.id))?.declaredPresence).toBe('asleep');
  });

  it('shows shut-down, and online again on resuming', async () => {
    await socket.timeout(5000).emitWithAck('device:presence', notice('shutting-down'));
    expect(await status()).toBe('shut-down');
    await socket.timeout(5000).emitWithAck('device:presence', notice('resuming'));
    expect(await status()).toBe('online');
  });

  it('does not let a retried old notice undo a newer one', async () => {
    const suspend = notice('suspending');
    await socket.timeout(5000).emitWithAck('device:presence', suspend);
    await socket.timeout(5000).emitWithAck('device:presence', notice('resuming'));
    expect(await socket.timeout(5000).emitWithAck('device:presence', suspend)).toEqual({ ok: true, data: { state: 'suspending' } });
    expect(await status()).toBe('online');
  });

  it('turns a device that vanished without a word unreachable at once', async () => {
    socket.disconnect();
    await until(async () => (await status()) === 'unreachable', 'unreachable');
  });
});
