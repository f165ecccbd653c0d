import { describe, expect, it } from 'vitest';
import { parseBenchOptions } from './options.js';
import { percentile, round } from './stats.js';

describe('percentile', () => {
  it('uses nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([], 99)).toBeNull();
  });

  it('does not depend on the order of the values, and leaves them unsorted', () => {
    const values = [30, 10, 20];
    expect(percentile(values, 50)).toBe(20);
    expect(percentile(values, 1)).toBe(10);
    expect(values).toEqual([30, 10, 20]);
  });

  it('rounds and refuses non-finite values', () => {
    expect(round(1.234, 1)).toBe(1.2);
    expect(round(Number.NaN)).toBeNull();
  });
});

describe('parseBenchOptions', () => {
  it('defaults to 2,000 agents', () => {
    expect(parseBenchOptions([], '/hub.js')).toMatchObject({ agents: 2000, workers: 2, heartbeatSeconds: 30, hubBin: '/hub.js' });
  });

  it('takes a flag for more agents', () => {
    expect(parseBenchOptions(['--agents', '10000'], '/hub.js').agents).toBe(10000);
  });

  it.each([['--agents', '0'], ['--agents', 'many'], ['--workers', '1.5']])('refuses %s %s', (flag, value) => {
    expect(() => parseBenchOptions([flag, value], '/hub.js')).toThrow(/whole number/);
  });

  it('has a twentieth of the fleet raise 300 alerts by default, at most 100 agents', () => {
    expect(parseBenchOptions([], '/hub.js')).toMatchObject({ alerts: 300, alertAgents: 100 });
    expect(parseBenchOptions(['--agents', '300'], '/hub.js').alertAgents).toBe(15);
    expect(parseBenchOptions(['--agents', '1'], '/hub.js').alertAgents).toBe(1);
    expect(parseBenchOptions(['--alerts', '0', '--alert-agents', '5'], '/hub.js')).toMatchObject({ alerts: 0, alertAgents: 5 });
  });

  it('refuses more alerting agents than agents', () => {
    expect(() => parseBenchOptions(['--agents', '10', '--alert-agents', '11'], '/hub.js')).toThrow(/cannot be more than --agents/);
  });

  it('runs one load process per 6,000 agents, at least two and one per hub', () => {
    expect(parseBenchOptions(['--agents', '30000'], '/hub.js').workers).toBe(5);
    expect(parseBenchOptions(['--hubs', '3', '--database', '--agents', '300'], '/hub.js').workers).toBe(3);
    expect(parseBenchOptions(['--workers', '7'], '/hub.js').workers).toBe(7);
  });

  it('takes --hubs with a PostgreSQL URL, or --database alone for a throwaway one', () => {
    expect(parseBenchOptions(['--hubs', '3', '--database', 'postgres://u@db/x'], '/hub.js')).toMatchObject({ hubs: 3, database: 'postgres://u@db/x' });
    expect(parseBenchOptions(['--hubs', '3', '--database'], '/hub.js')).toMatchObject({ hubs: 3, database: 'local' });
    expect(parseBenchOptions(['--database', '--hubs', '2'], '/hub.js')).toMatchObject({ hubs: 2, database: 'local' });
    expect(parseBenchOptions([], '/hub.js')).toMatchObject({ hubs: 1, database: undefined });
  });

  it('refuses several hubs without PostgreSQL, and a database that is not PostgreSQL', () => {
    expect(() => parseBenchOptions(['--hubs', '3'], '/hub.js')).toThrow(/needs --database/);
    expect(() => parseBenchOptions(['--database', 'mysql://x'], '/hub.js')).toThrow(/postgres:\/\//);
  });

  it('refuses unknown flags', () => {
    expect(() => parseBenchOptions(['--agnets', '5'], '/hub.js')).toThrow();
  });
});
