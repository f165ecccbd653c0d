import type { Clock, TimerHandle } from '../util/clock.js';
import { BudgetMeter, DEFAULT_BUDGET, type BudgetBreach, type ResourceBudget, type ResourceSample } from './budget-meter.js';

/** Options of {@link startProcessWatchdog}. */
export interface ProcessWatchdogOptions {
  clock: Clock;
  budget?: ResourceBudget;
  /** How often to sample (default 3 s: four readings per 12 s CPU window). */
  intervalMs?: number;
  /** The reading; this process (all its threads) by default. */
  sample?: () => ResourceSample;
  /** Called once, at the first breach; the watchdog stops sampling. */
  onBreach: (breach: BudgetBreach) => void;
}

/** This process: RSS and cumulative user + system CPU of every thread (inventory worker included). */
export function processSample(now: () => number): ResourceSample {
  const cpu = process.cpuUsage();
  return { at: now(), rssBytes: process.memoryUsage.rss(), cpuMs: (cpu.user + cpu.system) / 1000 };
}

/**
 * Samples the service's own process against its budget (osquery's defaults). The service cannot
 * restart itself in place: `onBreach` raises the alert and exits, and the service manager (systemd
 * `Restart=always`, launchd `KeepAlive`, the Windows service's failure actions) starts it again.
 * Returns a function that stops the watchdog.
 */
export function startProcessWatchdog(options: ProcessWatchdogOptions): () => void {
  const meter = new BudgetMeter(options.budget ?? DEFAULT_BUDGET);
  const sample = options.sample ?? (() => processSample(() => options.clock.now()));
  const interval = options.intervalMs ?? 3_000;
  let timer: TimerHandle | null = null;
  const tick = () => {
    const breach = meter.observe(sample());
    if (breach) {
      timer = null;
      options.onBreach(breach);
      return;
    }
    timer = options.clock.setTimeout(tick, interval);
  };
  timer = options.clock.setTimeout(tick, interval);
  return () => {
    if (timer) options.clock.clearTimeout(timer);
    timer = null;
  };
}
