import { performance } from 'node:perf_hooks';
import type { Store } from '@deskside/store';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../log/logger.js';
import { runMaintenance, type MaintenanceReport } from './maintenance-run.js';
import type { RetentionConfig } from './retention-policy.js';

/** Schedules `fn` after `ms`; answers a canceller. Injected so tests control time. */
export type MaintenanceScheduler = (fn: () => void, ms: number) => () => void;

export interface MaintenanceJobDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  retention: RetentionConfig;
  /** The agents' heartbeat interval: it sets how long a heartbeat can be retried. */
  heartbeatSeconds: number;
  schedule?: MaintenanceScheduler;
  /** Whether this hub leads the cluster's maintenance now (absent: always); a follower skips its runs. */
  leads?: () => boolean;
  pause?: (ms: number) => Promise<void>;
  elapsed?: () => number;
}

export interface MaintenanceJob {
  /** Plans the first run (`firstRunDelaySeconds` from now), then one every `intervalMinutes`. */
  start(): void;
  /** Runs now (or joins the run under way); undefined when it failed (logged) or the job is closed. */
  runNow(): Promise<MaintenanceReport | undefined>;
  /** Cancels the plan and waits for a run under way, which stops at its next batch boundary. */
  close(): Promise<void>;
}

// The process must be able to exit while a run is planned: the timer never holds it open.
const unrefScheduler: MaintenanceScheduler = (fn, ms) => {
  const timer = setTimeout(fn, Math.min(ms, 2 ** 31 - 1));
  timer.unref();
  return () => clearTimeout(timer);
};

const realPause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The hub's periodic retention job (see maintenance-run.ts for what one run does). */
export function createMaintenanceJob(deps: MaintenanceJobDeps): MaintenanceJob {
  const schedule = deps.schedule ?? unrefScheduler;
  const logger = deps.logger;
  let cancel: (() => void) | undefined;
  let running: Promise<MaintenanceReport | undefined> | undefined;
  let closed = false;

  const plan = (ms: number): void => {
    if (closed) return;
    cancel?.();
    cancel = schedule(() => {
      cancel = undefined;
      void runNow().finally(() => plan(deps.retention.intervalMinutes * 60_000));
    }, ms);
  };

  const runOnce = async (): Promise<MaintenanceReport | undefined> => {
    if (deps.leads && !deps.leads()) return undefined;
    try {
      const report = await runMaintenance({
        store: deps.store,
        retention: deps.retention,
        heartbeatSeconds: deps.heartbeatSeconds,
        now: deps.clock(),
        pause: deps.pause ?? realPause,
        elapsed: deps.elapsed ?? (() => performance.now()),
        stopping: () => closed,
      });
      logger.info('maintenance run', { ...report, longestBatchMs: round(report.longestBatchMs), optimizeMs: round(report.optimizeMs), ms: round(report.ms) });
      return report;
    } catch (error) {
      // Retention can wait for the next run; the hub must not fall over for it.
      logger.error('maintenance run failed', { error: error instanceof Error ? error.message : String(error) });
      return undefined;
    }
  };

  const runNow = (): Promise<MaintenanceReport | undefined> => {
    if (closed) return Promise.resolve(undefined);
    running ??= runOnce().finally(() => {
      running = undefined;
    });
    return running;
  };

  return {
    start: () => plan(deps.retention.firstRunDelaySeconds * 1000),
    runNow,
    async close() {
      closed = true;
      cancel?.();
      cancel = undefined;
      await running;
    },
  };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
