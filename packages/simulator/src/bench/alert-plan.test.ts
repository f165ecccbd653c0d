import { AGENT_CHECKS, AlertRaiseSchema, newId } from '@deskside/protocol';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../random.js';
import { planAlerts } from './alert-plan.js';

describe('planAlerts', () => {
  it('spreads the alerts over the window in time order, across every agent', () => {
    const plan = planAlerts(300, 40_000, 100, seededRandom(1));
    expect(plan).toHaveLength(300);
    const times = plan.map((p) => p.atMs);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...times)).toBeLessThan(40_000);
    // Uniform over the window: each half holds a fair share, not a burst at one end.
    expect(times.filter((t) => t < 20_000).length).toBeGreaterThan(100);
    expect(times.filter((t) => t >= 20_000).length).toBeGreaterThan(100);
    expect(new Set(plan.map((p) => p.agentIndex)).size).toBe(100);
  });

  it('gives every alert a key of its own, also past one lap of the checks', () => {
    const agents = 3;
    const plan = planAlerts(agents * AGENT_CHECKS.length * 2 + 5, 1000, agents, seededRandom(2));
    const keys = plan.map((p) => `${p.agentIndex}|${p.alert.check}|${p.alert.subject}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('raises only agent checks, with payloads the protocol accepts', () => {
    const plan = planAlerts(90, 1000, 10, seededRandom(3));
    expect(new Set(plan.map((p) => p.alert.check))).toEqual(new Set(AGENT_CHECKS));
    for (const p of plan) {
      const parsed = AlertRaiseSchema.safeParse({ id: newId(), observedAt: new Date().toISOString(), ...p.alert });
      expect(parsed.success, JSON.stringify(p.alert)).toBe(true);
    }
  });

  it('is the same plan for the same seed', () => {
    expect(planAlerts(50, 1000, 7, seededRandom(9))).toEqual(planAlerts(50, 1000, 7, seededRandom(9)));
  });

  it('refuses a plan without agents', () => {
    expect(() => planAlerts(1, 1000, 0, seededRandom(1))).toThrow(/at least one agent/);
  });
});
