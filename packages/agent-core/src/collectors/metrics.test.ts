import { MetricsSampleSchema } from '@deskside/protocol';
import { describe, expect, it } from 'vitest';
import { createMetricsSampler } from './metrics.js';
import type { WifiReading } from './wifi-signal.js';

const withWifi = (reading: () => Promise<WifiReading>) => createMetricsSampler({ wifi: reading })();

describe('createMetricsSampler: Wi-Fi link', () => {
  it('carries the link when there is one, and null when the PC has no Wi-Fi connection', async () => {
    const linked = await withWifi(() => Promise.resolve({ signalDbm: -61, qualityPercent: 78 }));
    expect(linked.wifi).toEqual({ signalDbm: -61, qualityPercent: 78 });
    expect(MetricsSampleSchema.parse(linked)).toEqual(linked);
    expect((await withWifi(() => Promise.resolve(null))).wifi).toBeNull();
  });

  it('leaves the field out when the agent could not tell, or the reading failed', async () => {
    expect(await withWifi(() => Promise.resolve(undefined))).not.toHaveProperty('wifi');
    const failed = await withWifi(() => Promise.reject(new Error('netsh crashed')));
    expect(failed).not.toHaveProperty('wifi');
    expect(failed.memTotalBytes).toBeGreaterThan(0);
  });
});
