import type { MetricsRegistry } from '../metrics/registry.js';
import type { ConnectionBudget } from './connection-budget.js';

/** The connection budget at scrape time: what is open, and what it refused or closed since start. */
export function registerConnectionMetrics(registry: MetricsRegistry, budget: ConnectionBudget): void {
  registry.gauge('deskside_tcp_connections_open', 'TCP connections open on this hub process (every kind).', { collect: () => budget.open() });
  const refused = [
    ['per_address', () => budget.refused.perAddress],
    ['total', () => budget.refused.total],
    ['idle', () => budget.refused.idle],
  ] as const;
  for (const [reason, read] of refused) {
    registry.gauge(`deskside_tcp_connections_refused_${reason}`, `Connections closed by the ${reason.replace('_', '-')} budget since start.`, { collect: read });
  }
}
