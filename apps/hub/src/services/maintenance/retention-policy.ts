/** How long the hub keeps what grows without bound, and how it cleans up. Defaults in config.ts. */
export interface RetentionConfig {
  /** Health samples at full resolution (the device page's charts); older ones become hourly rollups. */
  healthRawDays: number;
  /** Hourly health rollups. */
  healthRollupDays: number;
  /**
   * Idempotency records of agent writes whose message id can only be re-sent for a short while
   * (heartbeats, inventory): see SHORT_RETRY_KINDS.
   */
  shortRetryMessageDays: number;
  /** Idempotency records of every other agent write (tickets, alerts, presence): see SHORT_RETRY_KINDS. */
  messageDays: number;
  /**
   * Logged knowledge-base searches: long enough for the report's periods, short because they are
   * whatever people typed (names, machine names, sometimes worse).
   */
  kbSearchDays: number;
  /** Between maintenance runs. */
  intervalMinutes: number;
  /** From hub start to the first run: long enough to stay out of a reconnect storm. */
  firstRunDelaySeconds: number;
  /** Most rows one statement/transaction touches (each holds SQLite's single writer meanwhile). */
  batchRows: number;
  /** Pause between two batches, so queued heartbeat commits go first. */
  batchPauseMs: number;
}

/** The agent outbox's cap (agent-core DEFAULT_OUTBOX_LIMITS.maxItems); not in the protocol yet. */
export const AGENT_OUTBOX_MAX_ITEMS = 10_000;

/**
 * Agent writes whose message id stops being re-sent within days, so their idempotency records
 * need not outlive that (they are ~99 % of processed_messages: one per heartbeat).
 *
 * - `device:heartbeat` goes through the agent's outbox, which holds at most 10,000 items and drops
 *   the oldest heartbeats first when full: a running agent can retry a given heartbeat for at most
 *   10,000 × the heartbeat interval (≈ 3.5 days at 30 s). The outbox is drained one message at a
 *   time, so at most ONE heartbeat per agent is ever "committed but unacknowledged"; a PC switched
 *   off for longer than the window re-sends it once, storing one duplicate sample that is folded
 *   into its hour's averages. Harmless, and the window (`shortRetryMessageDays`, 7 days by default,
 *   never below twice the horizon for the configured interval: see retentionCutoffs) covers it twice.
 * - `inventory:full` / `inventory:delta` do not go through the outbox: each sync names a fresh id,
 *   re-sent only within that one call (seconds).
 *
 * Everything else (`ticket:create`, `ticket:reply`, `alert:raise`, `alert:clear`, `device:presence`)
 * is queued as high-value: never dropped and with no age limit, so a PC that was off for months
 * can still re-send one after a lost ack. Replaying a ticket or an alert would be visible, so
 * those records are kept `messageDays` (400 days by default); they are a few per device a day.
 */
export const SHORT_RETRY_KINDS: readonly string[] = ['device:heartbeat', 'inventory:full', 'inventory:delta'];

const DAY_MS = 24 * 3600 * 1000;

/** The instants before which each kind of record goes, for a run at `now`. */
export interface RetentionCutoffs {
  healthRaw: Date;
  healthRollups: Date;
  shortRetryMessages: Date;
  messages: Date;
  kbSearches: Date;
}

export function retentionCutoffs(retention: RetentionConfig, heartbeatSeconds: number, now: Date): RetentionCutoffs {
  const t = now.getTime();
  const heartbeatHorizonMs = 2 * AGENT_OUTBOX_MAX_ITEMS * heartbeatSeconds * 1000;
  return {
    healthRaw: new Date(t - retention.healthRawDays * DAY_MS),
    healthRollups: new Date(t - retention.healthRollupDays * DAY_MS),
    shortRetryMessages: new Date(t - Math.max(retention.shortRetryMessageDays * DAY_MS, heartbeatHorizonMs)),
    messages: new Date(t - retention.messageDays * DAY_MS),
    kbSearches: new Date(t - retention.kbSearchDays * DAY_MS),
  };
}
