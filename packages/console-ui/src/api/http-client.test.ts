import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error.js';
import { createHttpClient } from './http-client.js';
import { makeDevice } from '../state/test-devices.js';

interface Call {
  url: string;
  init: RequestInit | undefined;
}

/** A stand-in for the network only: answers with real `Response` objects, records what was sent. */
function fakeNetwork(answer: (call: Call) => Response | Error) {
  const calls: Call[] = [];
  const fetchFn = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const call = { url: String(input), init };
    calls.push(call);
    const result = answer(call);
    return result instanceof Error ? Promise.reject(result) : Promise.resolve(result);
  };
  return { calls, fetch: fetchFn as typeof fetch };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

function setup(answer: (call: Call) => Response | Error, token: string | null = 'tok-1234567890abcdef') {
  const net = fakeNetwork(answer);
  let unauthorized = 0;
  const client = createHttpClient({
    getToken: () => token,
    onUnauthorized: () => {
      unauthorized += 1;
    },
    fetch: net.fetch,
    now: () => Date.parse('2026-03-10T12:00:00Z'),
  });
  return { client, calls: net.calls, unauthorized: () => unauthorized };
}

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('createHttpClient', () => {
  it('sends the bearer token and JSON, and validates the answer', async () => {
    const device = makeDevice();
    const { client, calls } = setup(() => json(200, { devices: [device] }));
    await expect(client.listDevices({ q: 'pc 1', status: 'overdue' })).resolves.toEqual([device]);
    expect(calls[0]?.url).toBe('/api/v1/devices?q=pc+1&status=overdue');
    expect((calls[0]?.init?.headers as Record<string, string>).Authorization).toBe('Bearer tok-1234567890abcdef');
  });

  it('maps an error body to a typed ApiError and reads Retry-After', async () => {
    const { client } = setup(() =>
      json(429, { error: { code: 'rate_limited', message: 'Too many attempts' } }, { 'Retry-After': '17' }),
    );
    const error = await rejection(client.login({ username: 'admin', password: 'x' }));
    expect([error.code, error.status, error.retryAfterSeconds]).toEqual(['rate_limited', 429, 17]);
  });

  it('a 401 on an authenticated call ends the session', async () => {
    const { client, unauthorized } = setup(() => json(401, { error: { code: 'unauthorized', message: 'expired' } }));
    const error = await rejection(client.getDevice('01J00000000000000000000001'));
    expect(error.code).toBe('unauthorized');
    expect(unauthorized()).toBe(1);
  });

  it('a 401 on login (no token yet) is just wrong credentials', async () => {
    const { client, unauthorized } = setup(() => json(401, { error: { code: 'unauthorized', message: 'no' } }), null);
    expect((await rejection(client.login({ username: 'a', password: 'b' }))).code).toBe('unauthorized');
    expect(unauthorized()).toBe(0);
  });

  it('network failures become code "network"', async () => {
    const { client } = setup(() => new TypeError('Failed to fetch'));
    const error = await rejection(client.listDevices());
    expect([error.code, error.status]).toEqual(['network', 0]);
  });

  it('a body that is not an error object still maps by status', async () => {
    const { client } = setup(() => new Response('<html>gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    const error = await rejection(client.listDevices());
    expect([error.code, error.status]).toEqual(['internal', 502]);
  });

  it('rejects answers that do not match the protocol schema', async () => {
    const { client } = setup(() => json(200, { devices: [{ id: 'x', hostname: 42 }] }));
    expect((await rejection(client.listDevices())).code).toBe('bad_response');
  });

  it('escapes the device id in the path', async () => {
    const { client, calls } = setup(() => json(404, { error: { code: 'not_found', message: 'no such device' } }));
    expect((await rejection(client.getDevice('../../x?y'))).code).toBe('not_found');
    expect(calls[0]?.url).toBe('/api/v1/devices/..%2F..%2Fx%3Fy');
  });

  it('merges a device: POSTs {intoId} to the old record and validates the answer', async () => {
    const answer = { mergedId: '01J00000000000000000000002', intoId: '01J00000000000000000000001', movedChanges: 3, movedHealthSamples: 40, movedInventory: false };
    const { client, calls } = setup(() => json(200, answer));
    await expect(client.mergeDevice(answer.mergedId, answer.intoId)).resolves.toEqual(answer);
    expect(calls[0]?.url).toBe(`/api/v1/devices/${answer.mergedId}/merge`);
    expect(calls[0]?.init?.method).toBe('POST');
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({ intoId: answer.intoId });
    const bad = setup(() => json(200, { mergedId: 'x' }));
    expect((await rejection(bad.client.mergeDevice(answer.mergedId, answer.intoId))).code).toBe('bad_response');
  });
});
