import { LATENCY_BUCKETS, type Counter, type Gauge, type MetricsRegistry } from '../metrics/registry.js';

/** The realtime side's instruments, registered once on the hub's registry. */
export interface RealtimeMetrics {
  agentsConnected: Gauge;
  consolesConnected: Gauge;
  heartbeatsAcked: Counter;
  unknownEvents: Counter;
  rejectedPayloads: Counter;
  rateLimited: Counter;
  /** Records how long an agent command (`event`, e.g. device:heartbeat) took from arrival to ack. */
  observeAck(ms: number, event: string): void;
  /** Records how long an alert change took to reach watching consoles. */
  observeAlertToConsole(ms: number): void;
}

export function createRealtimeMetrics(registry: MetricsRegistry): RealtimeMetrics {
  // Histograms, not percentile gauges: buckets add up across hubs (histogram_quantile over sum by le).
  const acks = registry.histogram('deskside_agent_ack_duration_seconds', 'Agent commands (heartbeats, inventory, alerts, tickets): arrival to ack, after commit.', { buckets: LATENCY_BUCKETS, labelNames: ['event'] });
  const alerts = registry.histogram('deskside_alert_to_console_seconds', 'Alert change committed to pushed to watching consoles.', { buckets: LATENCY_BUCKETS });
  return {
    agentsConnected: registry.gauge('deskside_agents_connected', 'Agent sockets connected to this hub process.'),
    consolesConnected: registry.gauge('deskside_consoles_connected', 'Console sockets connected to this hub process.'),
    heartbeatsAcked: registry.counter('deskside_heartbeats_acked_total', 'Heartbeats committed and acknowledged.'),
    unknownEvents: registry.counter('deskside_unknown_events_total', 'Events received that the protocol does not define.', ['namespace']),
    rejectedPayloads: registry.counter('deskside_rejected_payloads_total', 'Payloads refused as invalid.', ['event', 'reason']),
    rateLimited: registry.counter('deskside_rate_limited_total', 'Agent messages refused by the per-device rate limit.'),
    observeAck: (ms, event) => acks.observe(Math.max(0, ms) / 1000, { event }),
    observeAlertToConsole: (ms) => alerts.observe(Math.max(0, ms) / 1000),
  };
}
