/** What a watched process or collector may use; past it, the watchdog restarts it and raises an alert. */
export interface ResourceBudget {
  /** Resident memory ceiling, bytes. */
  maxRssBytes: number;
  /** CPU ceiling, percent of one core, averaged over `cpuWindowMs`. */
  maxCpuPercent: number;
  /** How long CPU use must stay over the ceiling before it counts. */
  cpuWindowMs: number;
}

/** osquery's watchdog defaults: 200 MB, 10 % of a core for 12 s. */
export const DEFAULT_BUDGET: ResourceBudget = { maxRssBytes: 200 * 1024 * 1024, maxCpuPercent: 10, cpuWindowMs: 12_000 };

/** One reading of a watched target. `cpuMs` is cumulative (user + system); `rssBytes` null when unknown. */
export interface ResourceSample {
  at: number;
  rssBytes: number | null;
  cpuMs: number;
}

/** Why a target was over its budget, with the measured value and the ceiling (for the alert). */
export interface BudgetBreach {
  resource: 'memory' | 'cpu';
  value: number;
  threshold: number;
  message: string;
}

/**
 * Decides, one sample at a time, whether a target is over its budget: memory at any sample, CPU
 * when every reading across at least `cpuWindowMs` averaged over the ceiling (a short burst, such
 * as one inventory run, is fine). Pure: the caller samples and acts.
 */
export class BudgetMeter {
  private readonly samples: ResourceSample[] = [];

  constructor(private readonly budget: ResourceBudget = DEFAULT_BUDGET) {}

  observe(sample: ResourceSample): BudgetBreach | null {
    if (sample.rssBytes !== null && sample.rssBytes > this.budget.maxRssBytes) {
      const mb = (n: number) => Math.round(n / 1024 / 1024);
      return {
        resource: 'memory',
        value: mb(sample.rssBytes),
        threshold: mb(this.budget.maxRssBytes),
        message: `uses ${mb(sample.rssBytes)} MB of memory (budget ${mb(this.budget.maxRssBytes)} MB)`,
      };
    }
    const last = this.samples.at(-1);
    // A clock or counter going backwards (suspend, restart) starts the window over.
    if (last && (sample.at <= last.at || sample.cpuMs < last.cpuMs)) this.samples.length = 0;
    this.samples.push(sample);
    // Keep the newest sample that still spans the window, and everything after it.
    while (this.samples.length > 2 && sample.at - (this.samples[1]?.at ?? sample.at) >= this.budget.cpuWindowMs) this.samples.shift();
    const first = this.samples[0];
    if (!first || sample.at - first.at < this.budget.cpuWindowMs) return null;
    // Every step over the ceiling, not just the average: a 1 s spike cannot carry 11 idle seconds.
    for (let i = 1; i < this.samples.length; i++) {
      const a = this.samples[i - 1];
      const b = this.samples[i];
      if (!a || !b || percent(a, b) <= this.budget.maxCpuPercent) return null;
    }
    const value = Math.round(percent(first, sample) * 10) / 10;
    return {
      resource: 'cpu',
      value,
      threshold: this.budget.maxCpuPercent,
      message: `used ${value} % of a core for ${Math.round((sample.at - first.at) / 1000)} s (budget ${this.budget.maxCpuPercent} % for ${Math.round(this.budget.cpuWindowMs / 1000)} s)`,
    };
  }

  /** Forgets the readings (after a restart of the target). */
  reset(): void {
    this.samples.length = 0;
  }
}

function percent(a: ResourceSample, b: ResourceSample): number {
  const wall = b.at - a.at;
  return wall > 0 ? ((b.cpuMs - a.cpuMs) / wall) * 100 : 0;
}
