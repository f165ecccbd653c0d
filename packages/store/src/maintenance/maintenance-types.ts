/** One device's health over one UTC hour, folded from its raw samples once they aged out. */
export interface HealthRollupRecord {
  deviceId: string;
  /** Start of the UTC hour. */
  hour: Date;
  /** Raw samples folded in. */
  samples: number;
  /** The latest sample's time (its uptime and totals are the ones kept). */
  lastAt: Date;
  cpuPercentAvg: number;
  cpuPercentMax: number;
  memUsedBytesAvg: number;
  memUsedBytesMax: number;
  memTotalBytes: number;
  uptimeSeconds: number;
  /** Null when no sample of the hour could read the disks. */
  diskUsedBytesLast: number | null;
  diskUsedBytesMax: number | null;
  diskTotalBytes: number | null;
  /** Null when no sample of the hour had a Wi-Fi link. */
  wifi: HealthRollupWifi | null;
}

export interface HealthRollupWifi {
  /** Samples with a link. */
  samples: number;
  signalDbmAvg: number | null;
  /** The weakest signal seen. */
  signalDbmMin: number | null;
  qualityPercentAvg: number | null;
  qualityPercentMin: number | null;
}

export interface HealthRollupRepository {
  /** Oldest first, hours in [from, to), at most `limit`. */
  range(deviceId: string, from: Date, to: Date, limit: number): Promise<HealthRollupRecord[]>;
  /**
   * Hours starting in [from, to), oldest first, at most `limit`: the stored rollups merged with
   * the raw samples not rolled up yet (folded the same way), so recent days and the hour in
   * progress are there too. Reads at most 100,000 raw samples.
   */
  hourly(deviceId: string, from: Date, to: Date, limit: number): Promise<HealthRollupRecord[]>;
  /**
   * Moves `fromId`'s rollups to `toId` (device merge), merging hours both have exactly. Call
   * inside a transaction. Answers how many of `fromId`'s rollups moved.
   */
  moveDevice(fromId: string, toId: string): Promise<number>;
}

/** What one bounded rollup step did. */
export interface RollupBatchResult {
  /** Raw samples folded into rollups and deleted. */
  samples: number;
  /** Unreadable raw samples deleted without being counted (a sample that cannot be parsed cannot be shown either). */
  discarded: number;
  /** (device, hour) rows written. */
  rollups: number;
  /** True when no raw sample older than the cut-off is left. */
  done: boolean;
}

export interface PruneMessagesOptions {
  /** Records processed before this instant go. */
  before: Date;
  /** Most records deleted by this call. */
  limit: number;
  /** Only these kinds (event names)… */
  kinds?: readonly string[];
  /** …or every kind but these. */
  exceptKinds?: readonly string[];
}

/**
 * Retention and upkeep, each call one bounded unit of work in its own short transaction, so the
 * caller can interleave them with live writes (SQLite has one writer). Not usable inside
 * `store.transaction()`.
 */
export interface StoreMaintenance {
  /**
   * Folds at most about `limit` raw health samples older than `before` (rounded down to the UTC
   * hour, so only complete hours are folded) into hourly rollups and deletes them, in one
   * transaction: a crash leaves either both or neither, so nothing is ever counted twice.
   */
  rollUpHealth(before: Date, limit: number): Promise<RollupBatchResult>;
  /** Deletes at most `limit` hourly rollups of hours before `before`; answers how many. */
  pruneHealthRollups(before: Date, limit: number): Promise<number>;
  /** Deletes at most `limit` processed-message records; answers how many. */
  pruneMessages(options: PruneMessagesOptions): Promise<number>;
  /** Deletes at most `limit` logged knowledge-base searches made before `before` (oldest first); answers how many. */
  pruneKbSearches(before: Date, limit: number): Promise<number>;
  /** Refreshes the query planner's statistics (SQLite `PRAGMA optimize`); a no-op elsewhere. */
  optimize(): Promise<void>;
}
