import { describe, expect, it } from 'vitest';
import { createMetricsRegistry } from './registry.js';

describe('metrics registry', () => {
  it('renders counters and gauges in the Prometheus text format', () => {
    const registry = createMetricsRegistry();
    const requests = registry.counter('http_requests_total', 'Requests.');
    requests.inc({ method: 'GET', status: '200' });
    requests.inc({ status: '200', method: 'GET' }, 2);
    requests.inc({ method: 'POST', status: '401' });
    const connected = registry.gauge('agents_connected', 'Connected agents.');
    connected.inc();
    connected.inc();
    connected.dec();
    registry.gauge('queue_depth', 'Depth.', () => 7);
    expect(registry.render()).toBe(
      [
        '# HELP http_requests_total Requests.',
        '# TYPE http_requests_total counter',
        'http_requests_total{method="GET",status="200"} 3',
        'http_requests_total{method="POST",status="401"} 1',
        '# HELP agents_connected Connected agents.',
        '# TYPE agents_connected gauge',
        'agents_connected 1',
        '# HELP queue_depth Depth.',
        '# TYPE queue_depth gauge',
        'queue_depth 7',
        '',
      ].join('\n'),
    );
  });

  it('escapes label values and refuses bad names or a falling counter', () => {
    const registry = createMetricsRegistry();
    registry.counter('x_total', 'X.').inc({ path: 'a"b\\c\nd' });
    expect(registry.render()).toContain('x_total{path="a\\"b\\\\c\\nd"} 1');
    expect(() => registry.counter('bad-name', 'no')).toThrow();
    expect(() => registry.counter('x_total', 'X.').inc({}, -1)).toThrow();
    expect(() => registry.gauge('x_total', 'X.')).toThrow(/already registered/);
  });

  it('returns the same family when registered twice', () => {
    const registry = createMetricsRegistry();
    registry.counter('c_total', 'C.').inc();
    registry.counter('c_total', 'C.').inc();
    expect(registry.render()).toContain('c_total 2');
  });
});
