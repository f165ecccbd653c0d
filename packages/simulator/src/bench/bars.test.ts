import { describe, expect, it } from 'vitest';
import { type Bar, designBars, formatBar, verdict } from './bars.js';

const alertBar: Bar = { label: 'alert → console p99', value: 62.1, limit: 100, kind: 'max', unit: ' ms', atAgents: 10_000 };

describe('verdict', () => {
  it('passes a maximum at or under the limit and fails over it', () => {
    expect(verdict(alertBar)).toBe('PASS');
    expect(verdict({ ...alertBar, value: 100 })).toBe('PASS');
    expect(verdict({ ...alertBar, value: 100.1 })).toBe('FAIL');
  });

  it('passes a minimum at or over the limit and fails under it', () => {
    const ratio: Bar = { label: 'ratio', value: 0.6, limit: 0.6, kind: 'min', unit: '' };
    expect(verdict(ratio)).toBe('PASS');
    expect(verdict({ ...ratio, value: 0.49 })).toBe('FAIL');
  });

  it('fails what was not measured or never arrived', () => {
    expect(verdict({ ...alertBar, value: null })).toBe('FAIL');
    expect(verdict({ ...alertBar, value: Number.POSITIVE_INFINITY })).toBe('FAIL');
  });
});

describe('formatBar', () => {
  it('says which fleet size the bar is set for when the run is smaller', () => {
    expect(formatBar(alertBar, 2000)).toBe('PASS  alert → console p99        62.1 ms ≤ 100 ms (bar set at 10,000 agents; this run 2,000)');
    expect(formatBar(alertBar, 10_000)).toBe('PASS  alert → console p99        62.1 ms ≤ 100 ms');
    expect(formatBar({ ...alertBar, value: null }, 10_000)).toMatch(/^FAIL .* not measured ≤ 100 ms$/);
  });
});

describe('designBars', () => {
  const figures = { ackP99Ms: 18.7, hubRssBytesPerAgent: 9679, ratioToBaseline: 0.52, alertToConsoleP99Ms: 140 };

  it('checks the figures against DESIGN.md', () => {
    const bars = designBars(figures, { alertsMeasured: true });
    expect(bars.map((b) => [b.label, verdict(b)])).toEqual([
      ['heartbeat ack p99', 'PASS'],
      ['hub memory per agent', 'PASS'],
      ['throughput ratio to echo', 'FAIL'],
      ['alert → console p99', 'FAIL'],
    ]);
  });

  it('leaves the alert bar out when no alerts were raised', () => {
    expect(designBars(figures, { alertsMeasured: false }).map((b) => b.label)).not.toContain('alert → console p99');
  });
});
