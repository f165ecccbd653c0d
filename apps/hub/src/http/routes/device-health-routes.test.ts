import { HealthHourlyResponseSchema, HealthPointSchema, newId } from '@deskside/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHub, type Hub } from '../../app.js';
import { resolveConfig } from '../../config.js';
import { silentLogger } from '../../log/logger.js';
import { tempDir } from '../../test-support/temp.js';

// Hourly health over HTTP on an in-process hub: samples 10 days old are rolled up by the store's
// maintenance, then read back as hours; samples 2 days old are still raw and come back as hours too.
const PASSWORD = 'device-health-password';
const NOW = Date.parse('2025-03-20T12:00:00Z');
const HOUR = 3_600_000;
const OLD_HOUR = NOW - 10 * 24 * HOUR;
const RECENT_HOUR = NOW - 2 * 24 * HOUR;

describe('GET /api/v1/devices/:id/health/hourly', () => {
  const dir = tempDir();
  let hub: Hub;
  let admin: string;
  let deviceId: string;

  const call = async (p: string, token?: string) => {
    const res = await fetch(`${hub.url}${p}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    hub = await createHub(resolveConfig({ port: 0, dataDir: dir.dir }, { DESKSIDE_ADMIN_PASSWORD: PASSWORD }), {
      logger: silentLogger(),
      consoleDir: `${dir.dir}/none`,
      clock: () => new Date(NOW),
    });
    const login = await fetch(`${hub.url}/api/v1/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: PASSWORD }) });
    admin = ((await login.json()) as { token: string }).token;
    const [site] = await hub.store.sites.list();
    deviceId = newId();
    await hub.store.devices.create({ id: deviceId, siteId: site?.id ?? '', machineId: newId(), hostname: 'PC-001', keyHash: 'a'.repeat(64), enrolledAt: new Date(OLD_HOUR) });
    const metrics = (cpuPercent: number, signalDbm: number) => ({ cpuPercent, memUsedBytes: 3, memTotalBytes: 8, diskUsedBytes: 5, diskTotalBytes: 9, uptimeSeconds: 60, wifi: { signalDbm, qualityPercent: null } });
    await hub.store.health.insertMany([
      { deviceId, messageId: newId(), at: new Date(OLD_HOUR + 1_000), metrics: metrics(10, -61) },
      { deviceId, messageId: newId(), at: new Date(OLD_HOUR + 2_000), metrics: metrics(31, -71) },
      { deviceId, messageId: newId(), at: new Date(OLD_HOUR + HOUR), metrics: metrics(50, -50) },
      { deviceId, messageId: newId(), at: new Date(RECENT_HOUR + 5_000), metrics: metrics(40, -60) },
      { deviceId, messageId: newId(), at: new Date(RECENT_HOUR + 6_000), metrics: metrics(60, -60) },
    ]);
    await hub.store.maintenance.rollUpHealth(new Date(NOW - 7 * 24 * HOUR), 1_000);
  });
  afterAll(async () => {
    await hub.close();
    dir.remove();
  });

  it('answers the rolled-up hours, oldest first, each also a valid HealthPoint', async () => {
    const res = await call(`/api/v1/devices/${deviceId}/health/hourly`, admin);
    expect(res.status).toBe(200);
    const hourly = res.json['hourly'] as Array<Record<string, unknown>>;
    expect(hourly).toHaveLength(3);
    expect(hourly[0]).toMatchObject({ at: new Date(OLD_HOUR).toISOString(), samples: 2, cpuPercent: 20.5, cpuPercentMax: 31, wifi: { signalDbm: -66, signalDbmMin: -71, samples: 2 } });
    expect(HealthHourlyResponseSchema.safeParse(res.json).success).toBe(true);
    expect(hourly.every((p) => HealthPointSchema.safeParse(p).success)).toBe(true);
  });

  it('folds hours still at full resolution from the raw samples, the way the rollup job would', async () => {
    const res = await call(`/api/v1/devices/${deviceId}/health/hourly?from=${new Date(NOW - 7 * 24 * HOUR).toISOString()}`, admin);
    expect(res.json['hourly']).toEqual([
      expect.objectContaining({ at: new Date(RECENT_HOUR).toISOString(), samples: 2, cpuPercent: 50, cpuPercentMax: 60, wifi: expect.objectContaining({ signalDbm: -60, samples: 2 }) }),
    ]);
  });

  it('answers only hours in [from, to)', async () => {
    const from = new Date(OLD_HOUR + HOUR).toISOString();
    const to = new Date(OLD_HOUR + 2 * HOUR).toISOString();
    const res = await call(`/api/v1/devices/${deviceId}/health/hourly?from=${from}&to=${to}`, admin);
    expect((res.json['hourly'] as unknown[]).length).toBe(1);
  });

  it('refuses a backwards or too long range, an unknown device and an anonymous caller', async () => {
    const day = (d: number) => new Date(NOW - d * 24 * HOUR).toISOString();
    expect((await call(`/api/v1/devices/${deviceId}/health/hourly?from=${day(1)}&to=${day(2)}`, admin)).status).toBe(400);
    expect((await call(`/api/v1/devices/${deviceId}/health/hourly?from=${day(500)}`, admin)).status).toBe(400);
    expect((await call(`/api/v1/devices/${deviceId}/health/hourly?since=${day(1)}`, admin)).status).toBe(400);
    expect((await call(`/api/v1/devices/${newId()}/health/hourly`, admin)).status).toBe(404);
    expect((await call(`/api/v1/devices/${deviceId}/health/hourly`)).status).toBe(401);
  });
});
