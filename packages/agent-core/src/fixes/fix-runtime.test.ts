// A real AgentRuntime over real socket.io, with the hub's side played by the test: the requests a
// stolen session or a hostile hub process would try are all refused by the agent, reported back
// and logged; the genuine one runs.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FixRequest, SignedFixRequest } from '@deskside/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { enroll } from '../connection/enroll.js';
import { connectToHub } from '../connection/hub-connection.js';
import { AgentStateStore } from '../identity/agent-state.js';
import { AckedInventoryStore } from '../inventory/acked-inventory.js';
import { Outbox } from '../outbox/outbox.js';
import { AgentRuntime } from '../runtime/agent-runtime.js';
import { testSigner } from '../test-support/fix-signer.js';
import { startLocalHub, type LocalHub } from '../test-support/local-hub.js';
import { systemClock } from '../util/clock.js';
import type { Logger } from '../util/logger.js';
import { createFixDesk } from './create-fix-desk.js';

const eventually = <T>(check: () => T | Promise<T>) => vi.waitFor(check, { timeout: 10_000, interval: 20 });

let hub: LocalHub;
let stateDir: string;
let runtime: AgentRuntime | undefined;
const signer = testSigner();

beforeEach(async () => {
  hub = await startLocalHub();
  hub.actionKey = signer.publicKey;
  stateDir = await mkdtemp(join(tmpdir(), 'fix-runtime-'));
});
afterEach(async () => {
  await runtime?.stop('test over');
  await hub.close();
});

describe('fix requests to a real agent', { timeout: 30_000 }, () => {
  it('refuses forged, replayed, expired, wrong-device and tampered requests, reports and logs each; runs the genuine one', async () => {
    const warnings: Array<{ msg: string; fields: unknown }> = [];
    const logger: Logger = { debug() {}, info() {}, error() {}, warn: (msg, fields) => void warnings.push({ msg, fields }) };
    const clock = systemClock();
    const outbox = await Outbox.open(join(stateDir, 'outbox'));
    const temp = await mkdtemp(join(tmpdir(), 'fix-runtime-temp-'));
    runtime = new AgentRuntime({
      clock,
      logger,
      stateStore: new AgentStateStore(stateDir, logger),
      ackedInventory: new AckedInventoryStore(stateDir),
      outbox,
      collectInventory: () => Promise.resolve({ schemaVersion: 1, collectedAt: new Date().toISOString(), agentVersion: '0', probes: [] }),
      sampleMetrics: () => Promise.resolve({ cpuPercent: 1, memUsedBytes: 1, memTotalBytes: 2, diskUsedBytes: null, diskTotalBytes: null, uptimeSeconds: 1 }),
      connect: connectToHub,
      enroll,
      machineId: () => Promise.resolve('fix-runtime-machine-01'),
      hostname: () => 'fix-pc',
      sendTimeoutMs: 2_000,
      fixes: createFixDesk({ stateDir, clock, logger, outbox, overrides: { elevated: false, env: { tmpDir: temp, home: temp, linuxPackageManager: 'apt', systemRoot: '' } } }),
    });
    await runtime.start({ hubUrl: hub.url, enrollToken: 'good-token-123' });
    const state = JSON.parse(await readFile(join(stateDir, 'agent-state.json'), 'utf8')) as { deviceId: string; actionKey: string };
    expect(state.actionKey).toBe(signer.publicKey);
    await eventually(() => expect(hub.sockets()).toHaveLength(1));

    let n = 0;
    const request = (over: Partial<FixRequest> = {}): FixRequest => ({
      runId: `01JF0000000000000000000R${String(n++).padStart(2, '0')}`,
      deviceId: state.deviceId,
      action: 'clear-temp-files',
      params: { olderThanDays: 1, emptyRecycleBin: false },
      ticketId: null,
      reason: 'Ticket #1: slow',
      requestedBy: 'Tess',
      origin: 'technician',
      consent: 'unattended',
      issuedAt: new Date().toISOString(),
      expiresAt: new Date(Date.now() + 60_000).toISOString(),
      ...over,
    });
    const push = (signed: SignedFixRequest) => {
      for (const socket of hub.sockets()) socket.emit('action:request', signed);
    };
    const genuine = signer.sign(request());
    const cases: Array<[string, SignedFixRequest]> = [
      ['forged', testSigner().sign(request())],
      ['expired', signer.sign(request({ expiresAt: new Date(Date.now() - 1000).toISOString() }))],
      ['wrong-device', signer.sign(request({ deviceId: '01JF000000000000000000ATHR' }))],
      ['forged', ((s) => ({ ...s, request: { ...s.request, params: { olderThanDays: 0, emptyRecycleBin: true } } }))(signer.sign(request()))],
    ];
    for (const [, signed] of cases) push(signed);
    await eventually(() => expect(hub.fixStatuses).toHaveLength(cases.length));
    push(genuine);
    await eventually(() => expect(hub.fixStatuses.filter((s) => s.runId === genuine.request.runId).map((s) => s.state)).toEqual(['running', 'succeeded']));
    push(genuine);
    await eventually(() => expect(hub.fixStatuses.filter((s) => s.runId === genuine.request.runId).map((s) => s.state)).toEqual(['running', 'succeeded', 'refused']));

    const refusals = hub.fixStatuses.filter((s) => s.state === 'refused').map((s) => /\((\S+)\)/.exec(s.message ?? '')?.[1]);
    expect(refusals).toEqual([...cases.map(([reason]) => reason), 'replayed']);
    expect(warnings.filter((w) => w.msg === 'refused a fix request').map((w) => (w.fields as { reason: string }).reason)).toEqual(refusals);
  });
});
