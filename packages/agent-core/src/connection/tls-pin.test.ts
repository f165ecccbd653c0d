import type { AddressInfo, Socket } from 'node:net';
import { createServer, type Server, type TLSSocket } from 'node:tls';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hasOpenssl, makeSelfSigned, type SelfSigned } from '../test-support/self-signed.js';
import { systemClock } from '../util/clock.js';
import type { Logger } from '../util/logger.js';
import { enroll, EnrollError } from './enroll.js';
import { connectToHub } from './hub-connection.js';
import { requestHub } from './hub-request.js';
import { normalizeFingerprint, PinMismatchError } from './tls-pin.js';

const OTHER = Array.from({ length: 32 }, () => 'AB').join(':');

describe('normalizeFingerprint', () => {
  it.each([
    ['ab'.repeat(32), OTHER],
    [OTHER.toLowerCase(), OTHER],
    [`SHA256:${OTHER}`, OTHER],
    [` sha256=${'AB'.repeat(32)} `, OTHER],
  ])('accepts %s', (input, expected) => expect(normalizeFingerprint(input)).toBe(expected));

  it.each(['', 'AB:CD', 'zz'.repeat(32), 'ab'.repeat(33), `${OTHER}:AB`])('refuses %s', (input) => expect(normalizeFingerprint(input)).toBeNull());
});

/** A TLS server that speaks nothing and records every plaintext byte a client sends it. */
interface Recorder {
  port: number;
  received(): string;
  /** Resolves once `n` client connections have ended (so "nothing received" is final). */
  closed(n: number): Promise<void>;
  server: Server;
}

async function recordingServer(cert: SelfSigned): Promise<Recorder> {
  let bytes = '';
  let ended = 0;
  const waiters: Array<() => void> = [];
  const server = createServer({ cert: cert.cert, key: cert.key }, (socket: TLSSocket) => {
    socket.on('data', (chunk: Buffer) => (bytes += chunk.toString('latin1')));
    socket.on('error', () => {});
  });
  // Counted on the TCP socket: a client that hangs up mid-handshake never becomes a TLS connection.
  server.on('connection', (raw: Socket) => {
    raw.on('close', () => {
      ended++;
      for (const w of waiters.splice(0)) w();
    });
  });
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    received: () => bytes,
    server,
    closed: (n) =>
      new Promise<void>((resolve) => {
        const check = () => (ended >= n ? resolve() : waiters.push(check));
        check();
      }),
  };
}

const request = {
  enrollToken: 'secret-enrol-token-1',
  deviceId: '01J0000000000000000000000A',
  machineId: 'machine-0001',
  hostname: 'pc',
  agentVersion: '0.1.0',
};

describe.skipIf(!hasOpenssl)('certificate pinning against a raw TLS server (openssl self-signed; skipped without openssl)', () => {
  let cert: SelfSigned;
  let recorder: Recorder;
  beforeAll(() => {
    cert = makeSelfSigned();
  });
  afterEach(async () => {
    await new Promise<void>((resolve) => recorder.server.close(() => resolve()));
  });

  it('control: with the right pin the request reaches the server', async () => {
    recorder = await recordingServer(cert);
    const url = new URL(`https://127.0.0.1:${recorder.port}/api/v1/enroll`);
    // The silent server never answers: the request times out after its bytes went out.
    await expect(requestHub({ url, method: 'POST', body: '{"enrollToken":"secret-enrol-token-1"}', timeoutMs: 300, maxBytes: 100, pin: cert.fingerprint })).rejects.toThrow();
    await recorder.closed(1);
    expect(recorder.received()).toContain('secret-enrol-token-1');
  });

  it('a wrong pin refuses enrolment with a clear error and the server never reads a byte', async () => {
    recorder = await recordingServer(cert);
    const failure = await enroll({ hubUrl: `https://127.0.0.1:${recorder.port}`, request, pin: OTHER }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(EnrollError);
    expect((failure as EnrollError).code).toBe('tls_pin_mismatch');
    expect((failure as EnrollError).message).toContain(cert.fingerprint);
    expect((failure as EnrollError).message).toMatch(/nothing was sent/);
    await recorder.closed(1);
    expect(recorder.received()).toBe('');
  });

  it('a wrong pin refuses a request carrying an Authorization header before writing it', async () => {
    recorder = await recordingServer(cert);
    const url = new URL(`https://127.0.0.1:${recorder.port}/healthz`);
    const sent = requestHub({ url, method: 'GET', headers: { authorization: 'Bearer device-key-secret' }, timeoutMs: 5_000, maxBytes: 100, pin: OTHER });
    await expect(sent).rejects.toBeInstanceOf(PinMismatchError);
    await recorder.closed(1);
    expect(recorder.received()).toBe('');
  });

  it('a pinned socket.io connection with a wrong pin sends no handshake (no device key)', async () => {
    recorder = await recordingServer(cert);
    const errors: Array<Record<string, unknown> | undefined> = [];
    let sawMismatch: () => void = () => {};
    const mismatch = new Promise<void>((resolve) => (sawMismatch = resolve));
    const logger: Logger = {
      debug() {},
      info() {},
      warn() {},
      error: (_message, fields) => {
        errors.push(fields);
        sawMismatch();
      },
    };
    const connection = connectToHub({
      hubUrl: `https://127.0.0.1:${recorder.port}`,
      auth: { protocolVersion: 1, deviceId: request.deviceId, deviceKey: 'device-key-secret'.padEnd(43, 'x'), agentVersion: '0.1.0' },
      listener: { connected() {}, disconnected() {}, refused() {}, policy() {}, inventoryRequested() {} },
      clock: systemClock(),
      logger,
      tlsFingerprint: OTHER,
    });
    connection.connect();
    await mismatch;
    await recorder.closed(1);
    connection.close();
    expect(errors[0]).toEqual({ expected: OTHER, presented: cert.fingerprint });
    expect(recorder.received()).toBe('');
  });
});
