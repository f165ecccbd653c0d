import type { MetricsRegistry } from './registry.js';

/** The standard process metrics (names as Prometheus client libraries use them), read at scrape time. */
export function registerProcessMetrics(registry: MetricsRegistry): void {
  const startSeconds = Math.round(Date.now() / 1000 - process.uptime());
  registry.counter('process_cpu_user_seconds_total', 'User CPU time spent, in seconds.', () => process.cpuUsage().user / 1e6);
  registry.counter('process_cpu_system_seconds_total', 'System CPU time spent, in seconds.', () => process.cpuUsage().system / 1e6);
  registry.gauge('process_resident_memory_bytes', 'Resident memory size, in bytes.', () => process.memoryUsage.rss());
  registry.gauge('process_start_time_seconds', 'Start time of the process since the Unix epoch, in seconds.', () => startSeconds);
  registry.gauge('nodejs_heap_used_bytes', 'V8 heap in use, in bytes.', () => process.memoryUsage().heapUsed);
  registry.gauge('nodejs_heap_total_bytes', 'V8 heap allocated, in bytes.', () => process.memoryUsage().heapTotal);
}

