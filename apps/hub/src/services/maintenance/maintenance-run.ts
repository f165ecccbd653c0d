import type { Store } from '@deskside/store';
import { retentionCutoffs, SHORT_RETRY_KINDS, type RetentionConfig } from './retention-policy.js';

/** What one maintenance run did; logged as one line. */
export interface MaintenanceReport {
  samplesRolledUp: number;
  samplesDiscarded: number;
  rollupsWritten: number;
  rollupsPruned: number;
  messagesPruned: number;
  kbSearchesPruned: number;
  batches: number;
  /** Longest single batch, ms: how long the writer was held at most. */
  longestBatchMs: number;
  optimizeMs: number;
  ms: number;
  /** True when the run stopped early because the hub is closing. */
  interrupted: boolean;
}

export interface MaintenanceRunDeps {
  store: Store;
  retention: RetentionConfig;
  heartbeatSeconds: number;
  now: Date;
  /** Between batches; real time by default. */
  pause: (ms: number) => Promise<void>;
  /** Wall time for the figures (not the hub's clock, which tests freeze). */
  elapsed: () => number;
  /** Checked between batches: the hub is closing. */
  stopping: () => boolean;
}

/**
 * One pass of retention: fold aged health samples into hourly rollups, drop rollups, idempotency
 * records and logged knowledge-base searches past their windows, then refresh the planner's statistics. Every step is a
 * loop of bounded store calls with a pause between them, so live writes keep committing.
 */
export async function runMaintenance(deps: MaintenanceRunDeps): Promise<MaintenanceReport> {
  const { store, retention } = deps;
  const cut = retentionCutoffs(retention, deps.heartbeatSeconds, deps.now);
  const started = deps.elapsed();
  const report: MaintenanceReport = {
    samplesRolledUp: 0,
    samplesDiscarded: 0,
    rollupsWritten: 0,
    rollupsPruned: 0,
    messagesPruned: 0,
    kbSearchesPruned: 0,
    batches: 0,
    longestBatchMs: 0,
    optimizeMs: 0,
    ms: 0,
    interrupted: false,
  };

  /** Runs `step` until it reports nothing left; false when stopped early. */
  const drain = async (step: () => Promise<boolean>): Promise<boolean> => {
    for (;;) {
      if (deps.stopping()) return false;
      const t0 = deps.elapsed();
      const more = await step();
      report.batches++;
      report.longestBatchMs = Math.max(report.longestBatchMs, deps.elapsed() - t0);
      if (!more) return true;
      await deps.pause(retention.batchPauseMs);
    }
  };
  const limit = retention.batchRows;

  const completed =
    (await drain(async () => {
      const step = await store.maintenance.rollUpHealth(cut.healthRaw, limit);
      report.samplesRolledUp += step.samples;
      report.samplesDiscarded += step.discarded;
      report.rollupsWritten += step.rollups;
      return !step.done;
    })) &&
    (await drain(async () => {
      const n = await store.maintenance.pruneHealthRollups(cut.healthRollups, limit);
      report.rollupsPruned += n;
      return n >= limit;
    })) &&
    (await drain(async () => {
      const n = await store.maintenance.pruneMessages({ before: cut.shortRetryMessages, limit, kinds: SHORT_RETRY_KINDS });
      report.messagesPruned += n;
      return n >= limit;
    })) &&
    (await drain(async () => {
      const n = await store.maintenance.pruneMessages({ before: cut.messages, limit, exceptKinds: SHORT_RETRY_KINDS });
      report.messagesPruned += n;
      return n >= limit;
    })) &&
    (await drain(async () => {
      const n = await store.maintenance.pruneKbSearches(cut.kbSearches, limit);
      report.kbSearchesPruned += n;
      return n >= limit;
    }));

  if (completed) {
    const t0 = deps.elapsed();
    await store.maintenance.optimize();
    report.optimizeMs = deps.elapsed() - t0;
  }
  report.interrupted = !completed;
  report.ms = deps.elapsed() - started;
  return report;
}
