import type { JobLeases } from '@deskside/store';
import type { Logger } from '../../log/logger.js';

/** The jobs that must run on one hub of a cluster at a time. */
// `webhooks`: the alert notifier and the event-webhook dispatcher (one hub sends, so twice is never).
// `mail`: mailbox readers and the mail outbox (one reader per mailbox, one sender).
export const CLUSTER_JOBS = ['maintenance', 'ticket-jobs', 'session-sweep', 'presence-orphans', 'webhooks', 'mail'] as const;
export type ClusterJob = (typeof CLUSTER_JOBS)[number];

/** How often a hub tries to take the leases it does not hold (a dead leader's jobs move within this). */
export const LEASE_POLL_MS = 2_000;

export interface JobLeadership {
  /** Whether this hub runs `job` now. Cheap: no database round trip. */
  leads(job: ClusterJob): boolean;
  /** Tries every lease once now (start-up, tests). */
  poll(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Keeps trying to lead every cluster job (PostgreSQL advisory locks through `leases`; on SQLite
 * this hub always leads). Each job checks `leads(job)` before a run, so a job runs on one hub; when
 * the leader dies its locks go with its connection and a survivor takes them at its next poll.
 */
export function createJobLeadership(deps: { leases: JobLeases; logger: Logger; pollMs?: number }): JobLeadership {
  const { leases, logger } = deps;
  const was = new Set<ClusterJob>();
  let polling: Promise<void> | undefined;
  const poll = (): Promise<void> =>
    (polling ??= (async () => {
      for (const job of CLUSTER_JOBS) {
        const now = await leases.tryTake(job);
        if (now && !was.has(job)) logger.info('cluster job lease taken', { job });
        if (!now && was.has(job)) logger.warn('cluster job lease lost', { job });
        if (now) was.add(job);
        else was.delete(job);
      }
    })().finally(() => {
      polling = undefined;
    }));
  const timer = setInterval(() => void poll(), deps.pollMs ?? LEASE_POLL_MS);
  timer.unref();
  return {
    leads: (job) => leases.holds(job),
    poll,
    async close() {
      clearInterval(timer);
      await polling;
      await leases.close();
    },
  };
}
