import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startLocalHub, type LocalHub } from '../test-support/local-hub.js';
import { enroll, EnrollError } from './enroll.js';

let hub: LocalHub;
beforeEach(async () => {
  hub = await startLocalHub();
});
afterEach(async () => {
  await hub.close();
});

const request = (enrollToken = 'good-token-123') => ({
  enrollToken,
  deviceId: '01J0000000000000000000000A',
  machineId: 'machine-0001',
  hostname: 'pc',
  agentVersion: '0.1.0',
});

describe('enroll', () => {
  it('returns the parsed credential', async () => {
    const answer = await enroll({ hubUrl: hub.url, request: request() });
    expect(answer).toMatchObject({ deviceId: '01J0000000000000000000000A', deviceKey: hub.deviceKey });
    expect(hub.enrollRequests[0]?.protocolVersion).toBe(1);
  });

  it.each([
    [{ status: 401, code: 'unauthorized', message: 'nope' }, /refused the enrolment token/],
    [{ status: 409, code: 'duplicate_identity', message: 'dup' }, /DESKSIDE_AGENT_MACHINE_ID/],
    [{ status: 426, code: 'protocol_unsupported', message: 'old' }, /upgrade the agent/],
    [{ status: 429, code: 'rate_limited', message: 'slow down' }, /try again later/],
  ] as const)('explains %o', async (error, message) => {
    hub.enrollError = error;
    const failure = await enroll({ hubUrl: hub.url, request: request() }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(EnrollError);
    expect((failure as EnrollError).code).toBe(error.code);
    expect((failure as EnrollError).message).toMatch(message);
  });

  it('refuses non-http hub URLs and URLs with credentials', async () => {
    await expect(enroll({ hubUrl: 'file:///etc/passwd', request: request() })).rejects.toThrow(/http/);
    await expect(enroll({ hubUrl: 'http://u:p@127.0.0.1', request: request() })).rejects.toThrow(/credentials/);
  });

  it('reports a body that is not an enrolment answer', async () => {
    const requester = () => Promise.resolve({ status: 200, text: '{"deviceId":1}', peerFingerprint: null });
    await expect(enroll({ hubUrl: hub.url, request: request(), requester })).rejects.toMatchObject({ code: 'bad_response' });
  });
});
