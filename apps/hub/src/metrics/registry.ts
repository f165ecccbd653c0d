import client from 'prom-client';

/**
 * The hub's metrics, one prom-client registry per hub (tests run several hubs in one process).
 * The hub's parts register their own instruments; /metrics renders them all in the Prometheus
 * text format. Labels must be bounded: route templates and outcomes, never ids.
 */
export type Labels = Readonly<Record<string, string>>;

export interface Counter {
  inc(labels?: Labels, by?: number): void;
}

export interface Gauge {
  set(value: number, labels?: Labels): void;
  inc(labels?: Labels, by?: number): void;
  dec(labels?: Labels, by?: number): void;
}

export interface Histogram {
  /** Records one value (seconds, for durations). */
  observe(value: number, labels?: Labels): void;
}

export interface MetricsRegistry {
  /** Registers (or returns the already registered) counter `name` with these label names. */
  counter(name: string, help: string, labelNames?: readonly string[]): Counter;
  /** Registers a gauge; with `collect`, its value is read at scrape time (e.g. a connection count). */
  gauge(name: string, help: string, options?: { labelNames?: readonly string[]; collect?: () => number }): Gauge;
  /** Registers a histogram with these bucket bounds. */
  histogram(name: string, help: string, options: { buckets: readonly number[]; labelNames?: readonly string[] }): Histogram;
  /** Everything in the Prometheus text exposition format. */
  render(): Promise<string>;
  readonly contentType: string;
}

/** Bucket bounds in seconds for latencies that should stay in milliseconds (acks, alerts, requests). */
export const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

export function createMetricsRegistry(options: { defaultMetrics?: boolean } = {}): MetricsRegistry {
  const registry = new client.Registry();
  // The standard process and Node.js metrics (CPU, memory, event-loop lag, GC), named as everywhere.
  if (options.defaultMetrics !== false) client.collectDefaultMetrics({ register: registry });

  const existing = <T>(name: string, type: string): T | undefined => {
    const metric = registry.getSingleMetric(name);
    if (!metric) return undefined;
    if (metric.constructor.name.toLowerCase() !== type) throw new Error(`metric ${name} already registered as a ${metric.constructor.name.toLowerCase()}`);
    return metric as T;
  };
  const incBy = (m: { inc(labels: client.LabelValues<string>, value?: number): void; inc(value?: number): void }, labels: Labels | undefined, by = 1) => {
    if (labels && Object.keys(labels).length > 0) m.inc(labels as client.LabelValues<string>, by);
    else m.inc(by);
  };

  return {
    counter(name, help, labelNames = []) {
      const m = existing<client.Counter>(name, 'counter') ?? new client.Counter({ name, help, labelNames: [...labelNames], registers: [registry] });
      return { inc: (labels, by) => incBy(m, labels, by) };
    },
    gauge(name, help, options = {}) {
      const collect = options.collect;
      const m =
        existing<client.Gauge>(name, 'gauge') ??
        new client.Gauge({
          name,
          help,
          labelNames: [...(options.labelNames ?? [])],
          registers: [registry],
          ...(collect ? { collect(this: client.Gauge) { this.set(safe(collect)); } } : {}),
        });
      return {
        set: (value, labels) => (labels ? m.set(labels as client.LabelValues<string>, value) : m.set(value)),
        inc: (labels, by) => incBy(m, labels, by),
        dec: (labels, by = 1) => (labels && Object.keys(labels).length > 0 ? m.dec(labels as client.LabelValues<string>, by) : m.dec(by)),
      };
    },
    histogram(name, help, options) {
      const m =
        existing<client.Histogram>(name, 'histogram') ??
        new client.Histogram({ name, help, buckets: [...options.buckets], labelNames: [...(options.labelNames ?? [])], registers: [registry] });
      return { observe: (value, labels) => (labels ? m.observe(labels as client.LabelValues<string>, value) : m.observe(value)) };
    },
    render: () => registry.metrics(),
    contentType: registry.contentType,
  };
}

function safe(collect: () => number): number {
  try {
    return collect();
  } catch {
    return Number.NaN;
  }
}
