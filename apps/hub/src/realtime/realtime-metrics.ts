import type { Counter, Gauge, MetricsRegistry } from '../metrics/registry.js';

/** The realtime side's instruments, registered once on the hub's registry. */
export interface RealtimeMetrics {
  agentsConnected: Gauge;
  consolesConnected: Gauge;
  heartbeatsAcked: Counter;
  unknownEvents: Counter;
  rejectedPayloads: Counter;
  rateLimited: Counter;
  /** Records how long a command took from arrival to ack. */
  observeAck(ms: number): void;
  /** Percentile of recent ack latencies, for tests and /metrics. */
  ackPercentile(p: number): number;
}

/** How many recent latencies the percentile sketch keeps (a ring buffer: constant memory). */
const WINDOW = 4096;

export function createRealtimeMetrics(registry: MetricsRegistry): RealtimeMetrics {
  const ring = new Float64Array(WINDOW);
  let filled = 0;
  let next = 0;
  const percentile = (p: number): number => {
    if (filled === 0) return 0;
    const sorted = Array.from(ring.subarray(0, filled)).sort((a, b) => a - b);
    const index = Math.min(filled - 1, Math.max(0, Math.ceil((p / 100) * filled) - 1));
    return sorted[index] ?? 0;
  };
  const ackCount = registry.counter('deskside_agent_acks_total', 'Agent commands acknowledged.');
  const ackSum = registry.counter('deskside_agent_ack_latency_ms_sum', 'Sum of agent ack latencies in milliseconds.');
  registry.gauge('deskside_agent_ack_latency_p50_ms', 'Median ack latency over the last acks (ms).', () => percentile(50));
  registry.gauge('deskside_agent_ack_latency_p99_ms', '99th percentile ack latency over the last acks (ms).', () => percentile(99));

  return {
    agentsConnected: registry.gauge('deskside_agents_connected', 'Agent sockets connected to this hub process.'),
    consolesConnected: registry.gauge('deskside_consoles_connected', 'Console sockets connected to this hub process.'),
    heartbeatsAcked: registry.counter('deskside_heartbeats_acked_total', 'Heartbeats committed and acknowledged.'),
    unknownEvents: registry.counter('deskside_unknown_events_total', 'Events received that the protocol does not define.'),
    rejectedPayloads: registry.counter('deskside_rejected_payloads_total', 'Payloads refused as invalid.'),
    rateLimited: registry.counter('deskside_rate_limited_total', 'Agent messages refused by the per-device rate limit.'),
    observeAck(ms) {
      ring[next] = ms;
      next = (next + 1) % WINDOW;
      if (filled < WINDOW) filled++;
      ackCount.inc();
      ackSum.inc(undefined, Math.max(0, ms));
    },
    ackPercentile: percentile,
  };
}
