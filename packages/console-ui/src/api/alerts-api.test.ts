import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error.js';
import { createHttpClient } from './http-client.js';
import { makeAlert } from '../state/test-alerts.js';
import { makeDevice } from '../state/test-devices.js';

interface Call {
  url: string;
  method: string;
  body: unknown;
}

/** A stand-in for the network only: answers with real `Response` objects, records what was sent. */
function setup(answer: (call: Call) => Response) {
  const calls: Call[] = [];
  const fetchFn = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const call = { url: String(input), method: init?.method ?? 'GET', body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : null };
    calls.push(call);
    return Promise.resolve(answer(call));
  };
  const client = createHttpClient({ getToken: () => 'tok-1234567890abcdef', onUnauthorized: () => undefined, fetch: fetchFn as typeof fetch });
  return { client, calls };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('alert endpoints', () => {
  it('lists alerts with the query in the URL and checks every alert', async () => {
    const alert = makeAlert();
    const { client, calls } = setup(() => json(200, { alerts: [alert] }));
    expect(await client.listAlerts({ state: 'resolved', deviceId: alert.deviceId, severity: 'critical' })).toEqual([alert]);
    expect(calls[0]?.url).toBe(`/api/v1/alerts?state=resolved&severity=critical&deviceId=${alert.deviceId}`);
  });

  it('refuses a list with a malformed alert', async () => {
    const { client } = setup(() => json(200, { alerts: [{ ...makeAlert(), severity: 'apocalyptic' }] }));
    await expect(client.listAlerts()).rejects.toMatchObject({ code: 'bad_response' });
  });

  it('posts the actions with their bodies and returns the changed alert the hub sends', async () => {
    const alert = makeAlert({ state: 'acknowledged' });
    const { client, calls } = setup(() => json(200, { alert }));
    expect(await client.acknowledgeAlert(alert.id)).toEqual(alert);
    expect(await client.snoozeAlert(alert.id, '2026-03-10T13:00:00.000Z')).toEqual(alert);
    await client.resolveAlert(alert.id, 'replaced the disk');
    await client.resolveAlert(alert.id);
    expect(calls.map((c) => [c.method, c.url.replace(alert.id, ':id'), c.body])).toEqual([
      ['POST', '/api/v1/alerts/:id/acknowledge', {}],
      ['POST', '/api/v1/alerts/:id/snooze', { until: '2026-03-10T13:00:00.000Z' }],
      ['POST', '/api/v1/alerts/:id/resolve', { note: 'replaced the disk' }],
      ['POST', '/api/v1/alerts/:id/resolve', {}],
    ]);
  });

  it('answers null when the hub confirms an action without the alert', async () => {
    const { client } = setup(() => new Response(null, { status: 204 }));
    expect(await client.acknowledgeAlert(makeAlert().id)).toBeNull();
  });

  it('rejects with the hub’s error so the page can roll back', async () => {
    const { client } = setup(() => json(409, { error: { code: 'conflict', message: 'already resolved' } }));
    const error = await client.acknowledgeAlert(makeAlert().id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'conflict', status: 409 });
  });

  it('sets maintenance and reports the window the hub put in force', async () => {
    const device = makeDevice();
    const { client, calls } = setup((call) => json(200, { deviceId: device.id, maintenanceUntil: (call.body as { until: string | null }).until }));
    expect(await client.setMaintenance(device.id, '2026-03-10T13:00:00.000Z')).toBe('2026-03-10T13:00:00.000Z');
    expect(await client.setMaintenance(device.id, null)).toBeNull();
    expect(calls[0]).toMatchObject({ method: 'POST', url: `/api/v1/devices/${device.id}/maintenance`, body: { until: '2026-03-10T13:00:00.000Z' } });
  });

  it('reads the device detail’s alerts and maintenance window when the hub sends them', async () => {
    const device = makeDevice();
    const alert = makeAlert({ deviceId: device.id });
    const detail = { ...device, machineId: 'm-1', inventory: null, inventoryHash: null, inventoryUpdatedAt: null, health: [] };
    const { client } = setup(() => json(200, { ...detail, alerts: [alert], maintenanceUntil: null }));
    expect(await client.getDevice(device.id)).toMatchObject({ alerts: [alert], maintenanceUntil: null });
    const older = setup(() => json(200, detail));
    expect((await older.client.getDevice(device.id)).alerts).toBeUndefined();
  });
});
