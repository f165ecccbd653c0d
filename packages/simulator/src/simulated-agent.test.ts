import { MetricsSampleSchema } from '@deskside/protocol';
import { describe, expect, it } from 'vitest';
import { seededRandom } from './random.js';
import { simulatedMetrics } from './simulated-agent.js';

describe('simulatedMetrics', () => {
  it('a wired device sends no Wi-Fi field, like an agent that predates it', () => {
    expect(simulatedMetrics(seededRandom(1))).not.toHaveProperty('wifi');
  });

  it('a wireless device sends a valid link across the whole range', () => {
    const random = seededRandom(7);
    const links = Array.from({ length: 500 }, () => simulatedMetrics(random, { wireless: true }));
    for (const sample of links) expect(MetricsSampleSchema.parse(sample)).toEqual(sample);
    const dbm = links.map((s) => s.wifi?.signalDbm ?? 0);
    expect(Math.min(...dbm)).toBe(-80);
    expect(Math.max(...dbm)).toBe(-40);
    expect(links.find((s) => s.wifi?.signalDbm === -67)?.wifi?.qualityPercent).toBe(66);
  });
});
