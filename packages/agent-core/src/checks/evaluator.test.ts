import { DEFAULT_HEALTH_POLICY, type HealthPolicy, type MetricsSample } from '@deskside/protocol';
import { describe, expect, it } from 'vitest';
import { diskFreeCheck } from './disk-free.js';
import { HealthEvaluator } from './evaluator.js';
import { memoryPressureCheck } from './memory-pressure.js';
import { GB, type CheckInputs } from './types.js';

const T0 = Date.UTC(2026, 0, 1);
const policy: HealthPolicy = { ...DEFAULT_HEALTH_POLICY, persistSamples: 3, hysteresisPercent: 5, sustainMinutes: 10 };
const metrics = (over: Partial<MetricsSample> = {}): MetricsSample => ({
  cpuPercent: 5, memUsedBytes: 4 * GB, memTotalBytes: 16 * GB, diskUsedBytes: null, diskTotalBytes: null, uptimeSeconds: 3600, ...over,
});
/** One volume of 1000 GB with `freePercent` free. */
const disk = (freePercent: number, at: number, p = policy): CheckInputs => ({
  at, metrics: metrics(), inventory: null, policy: p, rebootPendingSince: null,
  volumes: [{ mount: 'C:', sizeBytes: 1000 * GB, usedBytes: Math.round(1000 * GB * (1 - freePercent / 100)) }],
});

function run(ev: HealthEvaluator, values: number[], p = policy): string[] {
  return values.flatMap((v, i) => ev.evaluate(disk(v, T0 + i * 30_000, p)).map((t) => `${i}:${t.type}`));
}

describe('health evaluator (disk-free)', () => {
  it('raises only after persistSamples bad samples in a row', () => {
    expect(run(new HealthEvaluator([diskFreeCheck]), [8, 8, 20, 8, 8, 8])).toEqual(['5:raise']);
  });

  it('holds a raised alert while the value hovers between the threshold and the hysteresis margin', () => {
    // Threshold 10 %, clear at 10.5 %: values in between neither raise again nor clear.
    const transitions = run(new HealthEvaluator([diskFreeCheck]), [9, 9, 9, 10.2, 9.8, 10.3, 9.9, 10.4, 9.7, 10.1]);
    expect(transitions).toEqual(['2:raise']);
  });

  it('clears only after persistSamples samples clearly past the margin', () => {
    expect(run(new HealthEvaluator([diskFreeCheck]), [9, 9, 9, 12, 12, 9.9, 12, 12, 12])).toEqual(['2:raise', '8:clear']);
  });

  it('an oscillation across the threshold never raises', () => {
    expect(run(new HealthEvaluator([diskFreeCheck]), [9, 11, 9, 11, 9, 11, 9, 11])).toEqual([]);
  });

  it('updates the alert when the severity changes (critical below half the floor)', () => {
    const ev = new HealthEvaluator([diskFreeCheck]);
    const out = [8, 8, 8, 4, 4].flatMap((v, i) => ev.evaluate(disk(v, T0 + i)));
    expect(out.map((t) => (t.type === 'raise' ? t.severity : t.type))).toEqual(['warning', 'critical']);
  });

  it('a check switched off by policy clears what it had raised', () => {
    const ev = new HealthEvaluator([diskFreeCheck]);
    run(ev, [8, 8, 8]);
    expect(ev.evaluate(disk(8, T0 + 1e6, { ...policy, disabledChecks: ['disk-free'] }))).toEqual([{ type: 'clear', check: 'disk-free', subject: 'C:' }]);
  });

  it('remembers raised keys across a restart, so the clear is still sent', () => {
    const ev = new HealthEvaluator([diskFreeCheck], [{ check: 'disk-free', subject: 'C:' }]);
    expect(run(ev, [50, 50, 50])).toEqual(['2:clear']);
  });
});

describe('health evaluator (sustained minutes)', () => {
  it('raises memory pressure only after it lasted sustainMinutes, and a dip restarts the clock', () => {
    const ev = new HealthEvaluator([memoryPressureCheck]);
    const at = (min: number, usedGb: number) => ev.evaluate({ at: T0 + min * 60_000, metrics: metrics({ memUsedBytes: usedGb * GB }), volumes: null, inventory: null, policy, rebootPendingSince: null });
    expect(at(0, 15.5)).toEqual([]);
    expect(at(9, 15.5)).toEqual([]);
    expect(at(9.5, 8)).toEqual([]); // dip: the clock restarts
    expect(at(10, 15.5)).toEqual([]);
    expect(at(19, 15.5)).toEqual([]);
    expect(at(20, 15.5).map((t) => t.type)).toEqual(['raise']);
  });
});
