/**
 * A tiny metrics registry rendered in the Prometheus text format. The hub's parts register their
 * own counters and gauges (the realtime side gets it injected); /metrics renders them all.
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

export interface MetricsRegistry {
  /** Registers (or returns the already registered) counter `name`; with `collect`, read at render time. */
  counter(name: string, help: string, collect?: () => number): Counter;
  /** Registers a gauge; with `collect`, its value is read at render time (e.g. a connection count). */
  gauge(name: string, help: string, collect?: () => number): Gauge;
  /** All metrics in the Prometheus text exposition format (version 0.0.4). */
  render(): string;
}

interface Family {
  type: 'counter' | 'gauge';
  help: string;
  values: Map<string, number>;
  collect?: () => number;
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

export function createMetricsRegistry(): MetricsRegistry {
  const families = new Map<string, Family>();

  const family = (name: string, type: Family['type'], help: string, collect?: () => number): Family => {
    if (!NAME.test(name)) throw new Error(`invalid metric name: ${name}`);
    const existing = families.get(name);
    if (existing) {
      if (existing.type !== type) throw new Error(`metric ${name} already registered as a ${existing.type}`);
      return existing;
    }
    const created: Family = { type, help, values: new Map(), ...(collect ? { collect } : {}) };
    families.set(name, created);
    return created;
  };

  const add = (f: Family, labels: Labels | undefined, by: number): void => {
    const key = labelKey(labels);
    f.values.set(key, (f.values.get(key) ?? 0) + by);
  };

  return {
    counter(name, help, collect) {
      const f = family(name, 'counter', help, collect);
      return {
        inc: (labels, by = 1) => {
          if (by < 0 || !Number.isFinite(by)) throw new Error('a counter only goes up');
          add(f, labels, by);
        },
      };
    },
    gauge(name, help, collect) {
      const f = family(name, 'gauge', help, collect);
      return {
        set: (value, labels) => void f.values.set(labelKey(labels), value),
        inc: (labels, by = 1) => add(f, labels, by),
        dec: (labels, by = 1) => add(f, labels, -by),
      };
    },
    render() {
      const lines: string[] = [];
      for (const [name, f] of families) {
        lines.push(`# HELP ${name} ${escapeHelp(f.help)}`, `# TYPE ${name} ${f.type}`);
        if (f.collect) lines.push(`${name} ${formatValue(safeCollect(f.collect))}`);
        for (const [key, value] of f.values) lines.push(`${name}${key} ${formatValue(value)}`);
      }
      return lines.join('\n') + '\n';
    },
  };
}

function labelKey(labels: Labels | undefined): string {
  if (!labels) return '';
  const parts = Object.keys(labels)
    .sort()
    .map((k) => {
      if (!LABEL.test(k)) throw new Error(`invalid label name: ${k}`);
      return `${k}="${escapeLabel(labels[k] ?? '')}"`;
    });
  return parts.length === 0 ? '' : `{${parts.join(',')}}`;
}

function escapeLabel(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function escapeHelp(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return String(v);
}

function safeCollect(collect: () => number): number {
  try {
    return collect();
  } catch {
    return NaN;
  }
}
