import { describe, expect, it } from 'vitest';
import { createMetricsRegistry, LATENCY_BUCKETS } from './registry.js';

describe('metrics registry', () => {
  it('renders counters, gauges and histograms in the Prometheus text format', async () => {
    const registry = createMetricsRegistry({ defaultMetrics: false });
    const requests = registry.counter('http_requests_total', 'Requests.', ['method', 'status']);
    requests.inc({ method: 'GET', status: '200' });
    requests.inc({ status: '200', method: 'GET' }, 2);
    requests.inc({ method: 'POST', status: '401' });
    const connected = registry.gauge('agents_connected', 'Connected agents.');
    connected.inc();
    connected.inc();
    connected.dec();
    registry.gauge('queue_depth', 'Depth.', { collect: () => 7 });
    const latency = registry.histogram('ack_seconds', 'Acks.', { buckets: LATENCY_BUCKETS });
    latency.observe(0.004);
    latency.observe(0.2);
    const text = await registry.render();
    expect(text).toContain('# TYPE http_requests_total counter');
    expect(text).toContain('http_requests_total{method="GET",status="200"} 3');
    expect(text).toContain('http_requests_total{method="POST",status="401"} 1');
    expect(text).toContain('agents_connected 1');
    expect(text).toContain('queue_depth 7');
    expect(text).toContain('# TYPE ack_seconds histogram');
    expect(text).toContain('ack_seconds_bucket{le="0.005"} 1');
    expect(text).toContain('ack_seconds_bucket{le="+Inf"} 2');
    expect(text).toContain('ack_seconds_count 2');
    expect(registry.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
  });

  it('escapes label values and refuses bad names, undeclared labels or a falling counter', async () => {
    const registry = createMetricsRegistry({ defaultMetrics: false });
    registry.counter('x_total', 'X.', ['path']).inc({ path: 'a"b\\c\nd' });
    expect(await registry.render()).toContain('x_total{path="a\\"b\\\\c\\nd"} 1');
    expect(() => registry.counter('bad-name', 'no')).toThrow();
    expect(() => registry.counter('x_total', 'X.').inc({ other: 'y' })).toThrow();
    expect(() => registry.counter('x_total', 'X.').inc({ path: 'p' }, -1)).toThrow();
    expect(() => registry.gauge('x_total', 'X.')).toThrow(/already registered/);
  });

  it('returns the same instrument when registered twice, and has the process metrics by default', async () => {
    const registry = createMetricsRegistry();
    registry.counter('c_total', 'C.').inc();
    registry.counter('c_total', 'C.').inc();
    const text = await registry.render();
    expect(text).toContain('c_total 2');
    expect(text).toContain('# TYPE process_resident_memory_bytes gauge');
  });
});
