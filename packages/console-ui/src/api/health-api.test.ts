import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error.js';
import { createHttpClient } from './http-client.js';
import { hourlyErrorText } from '../state/use-hourly-health.js';

const hour = {
  at: '2026-03-10T12:00:00.000Z',
  samples: 120,
  cpuPercent: 12.5,
  cpuPercentMax: 97,
  memUsedBytes: 4,
  memUsedBytesMax: 6,
  memTotalBytes: 16,
  diskUsedBytes: null,
  diskUsedBytesMax: null,
  diskTotalBytes: null,
  uptimeSeconds: 3600,
  wifi: null,
};

function client(body: unknown, status = 200) {
  const urls: string[] = [];
  const api = createHttpClient({
    getToken: () => 'tok-1234567890abcdef',
    onUnauthorized: () => undefined,
    fetch: ((input: RequestInfo | URL) => {
      urls.push(String(input));
      return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
    }) as typeof fetch,
  });
  return { api, urls };
}

describe('deviceHealthHourly', () => {
  const from = new Date('2026-03-03T12:00:00.000Z');
  const to = new Date('2026-03-10T12:30:00.000Z');

  it('asks for [from, to) of the escaped device and answers the checked hours', async () => {
    const { api, urls } = client({ hourly: [hour] });
    await expect(api.deviceHealthHourly('a/b', from, to)).resolves.toEqual([hour]);
    expect(urls).toEqual(['/api/v1/devices/a%2Fb/health/hourly?from=2026-03-03T12%3A00%3A00.000Z&to=2026-03-10T12%3A30%3A00.000Z']);
  });

  it('refuses an answer that is not hours', async () => {
    const error = await client({ hourly: [{ ...hour, cpuPercentMax: 'high' }] }).api.deviceHealthHourly('d', from, to).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('bad_response');
    expect(hourlyErrorText(error)).toBe('The hub sent health history the console could not read.');
  });

  it('words each failure for the chart', async () => {
    const error = await client({ error: { code: 'not_found', message: 'No such device.' } }, 404).api.deviceHealthHourly('d', from, to).catch((e: unknown) => e);
    expect(hourlyErrorText(error)).toBe('The hub has no health history for this device.');
    expect(hourlyErrorText(new ApiError('network', 'x', 0))).toMatch(/Cannot reach the hub/);
    expect(hourlyErrorText(new Error('boom'))).toBe('Could not load the health history.');
  });
});
