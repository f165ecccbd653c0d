import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { enroll, type EnrollOptions, type EnrollResult } from '../connection/enroll.js';
import { connectToHub, type HubConnection } from '../connection/hub-connection.js';
import { AgentStateStore } from '../identity/agent-state.js';
import { startLocalHub, type LocalHub } from '../test-support/local-hub.js';
import { hasOpenssl, makeSelfSigned, type SelfSigned } from '../test-support/self-signed.js';
import { systemConnectivityProbes } from '../tickets/system-probes.js';
import { systemClock } from '../util/clock.js';
import { silentLogger, type Logger } from '../util/logger.js';
import { AgentConfigError, loadOrEnroll } from './enrollment.js';

const OTHER = Array.from({ length: 32 }, () => 'AB').join(':');

async function deps(enrollFn: (options: EnrollOptions) => Promise<EnrollResult>, logger: Logger = silentLogger) {
  const stateStore = new AgentStateStore(await mkdtemp(join(tmpdir(), 'tls-state-')), logger);
  return { stateStore, enroll: enrollFn, machineId: () => Promise.resolve('machine-0001'), hostname: () => 'pc', now: () => Date.now(), logger };
}

function warnings(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, debug() {}, info() {}, error() {}, warn: (m) => void lines.push(m) };
}

describe.skipIf(!hasOpenssl)('enrolment and connection to an https hub with a self-signed certificate (openssl; skipped without it)', () => {
  let cert: SelfSigned;
  let hub: LocalHub;
  let connection: HubConnection | null = null;
  beforeAll(() => {
    cert = makeSelfSigned();
  });
  afterEach(async () => {
    connection?.close();
    connection = null;
    await hub.close();
  });

  it('with --hub-fingerprint: enrols, pins the fingerprint in the state, and the pinned websocket connects', async () => {
    hub = await startLocalHub({ tls: cert });
    const d = await deps(enroll);
    const { state } = await loadOrEnroll(d, hub.url, 'good-token-123', cert.fingerprint.toLowerCase().replaceAll(':', ''));
    expect(state.tlsFingerprint).toBe(cert.fingerprint);
    expect((await d.stateStore.load())?.tlsFingerprint).toBe(cert.fingerprint);
    // The connection succeeds only if socket.io handed the pinned agent to ws: the system CAs
    // would refuse this self-signed certificate.
    const connected = new Promise<void>((resolve, reject) => {
      connection = connectToHub({
        hubUrl: state.hubUrl,
        auth: { protocolVersion: 1, deviceId: state.deviceId, deviceKey: state.deviceKey, agentVersion: '0.1.0' },
        listener: { connected: resolve, disconnected() {}, refused: (r) => reject(new Error(r.message)), policy() {}, inventoryRequested() {} },
        clock: systemClock(),
        logger: silentLogger,
        tlsFingerprint: state.tlsFingerprint,
      });
      connection.connect();
    });
    await connected;
    expect(hub.sockets()).toHaveLength(1);
  });

  it('a pinned connection to a hub with another certificate never reaches the handshake', async () => {
    hub = await startLocalHub({ tls: cert });
    const refusedOnce = new Promise<void>((resolve) => {
      connection = connectToHub({
        hubUrl: hub.url,
        auth: { protocolVersion: 1, deviceId: '01J0000000000000000000000A', deviceKey: hub.deviceKey, agentVersion: '0.1.0' },
        listener: { connected() {}, disconnected() {}, refused() {}, policy() {}, inventoryRequested() {} },
        clock: systemClock(),
        logger: { ...silentLogger, error: () => resolve() },
        tlsFingerprint: OTHER,
      });
      connection.connect();
    });
    await refusedOnce;
    expect(hub.handshakes).toBe(0);
    expect(connection?.connected).toBe(false);
  });

  it('without a fingerprint, the system CAs refuse the self-signed hub and the token is not sent', async () => {
    hub = await startLocalHub({ tls: cert });
    const d = await deps(enroll);
    await expect(loadOrEnroll(d, hub.url, 'good-token-123')).rejects.toMatchObject({ code: 'network' });
    expect(hub.enrollRequests).toHaveLength(0);
    expect(await d.stateStore.load()).toBeNull();
  });

  it('a wrong --hub-fingerprint refuses enrolment before the token leaves', async () => {
    hub = await startLocalHub({ tls: cert });
    const d = await deps(enroll);
    await expect(loadOrEnroll(d, hub.url, 'good-token-123', OTHER)).rejects.toMatchObject({ code: 'tls_pin_mismatch' });
    expect(hub.enrollRequests).toHaveLength(0);
  });

  it('the connectivity check reaches /healthz of the pinned hub', async () => {
    hub = await startLocalHub({ tls: cert });
    const healthy = (pin: string) => systemConnectivityProbes({ hubPin: () => Promise.resolve(pin) }).hubHealthy(hub.url);
    expect(await healthy(cert.fingerprint)).toBe(true);
    await expect(healthy(OTHER)).rejects.toThrow(/does not match the pinned fingerprint/);
  });
});

describe('first-contact policy without a fingerprint (CA-verified enrolment)', () => {
  const answer = (named: string | undefined, presented: string | undefined): EnrollResult => ({
    deviceId: '01J0000000000000000000000A',
    deviceKey: 'k'.repeat(43),
    siteId: '01J0000000000000000000000B',
    policy: { heartbeatSeconds: 30, inventorySeconds: 3600 },
    ...(named ? { tlsFingerprint: named } : {}),
    ...(presented ? { peerFingerprint: presented } : {}),
  });
  const fakeEnroll = (result: EnrollResult) => (options: EnrollOptions) => Promise.resolve({ ...result, deviceId: options.request.deviceId });

  it('pins what the hub names when it is the certificate it presented', async () => {
    const { state } = await loadOrEnroll(await deps(fakeEnroll(answer(OTHER, OTHER))), 'https://hub.example', 'token-123456');
    expect(state.tlsFingerprint).toBe(OTHER);
  });

  it('does not pin (and warns) when the hub names another certificate, e.g. behind a TLS proxy', async () => {
    const log = warnings();
    const presented = OTHER.replace(/^AB/, 'CD');
    const { state } = await loadOrEnroll(await deps(fakeEnroll(answer(OTHER, presented)), log), 'https://hub.example', 'token-123456');
    expect(state.tlsFingerprint).toBeUndefined();
    expect(log.lines.join()).toMatch(/not pinning/);
  });

  it('pins nothing over plain http and refuses a fingerprint with an http hub', async () => {
    const { state } = await loadOrEnroll(await deps(fakeEnroll(answer(OTHER, undefined))), 'http://hub.example', 'token-123456');
    expect(state.tlsFingerprint).toBeUndefined();
    await expect(loadOrEnroll(await deps(fakeEnroll(answer(undefined, undefined))), 'http://hub.example', 'token-123456', OTHER)).rejects.toBeInstanceOf(
      AgentConfigError,
    );
  });
});
