/** A stored change row; `before` / `after` are parsed JSON (agent-sent content: treat as hostile text). */
export interface DeviceChangeRecord {
  id: string;
  deviceId: string;
  at: Date;
  section: string;
  kind: 'added' | 'removed' | 'changed' | 'upgraded' | 'downgraded' | 'merged';
  summary: string;
  before: unknown;
  after: unknown;
}

export interface DeviceChangeRepository {
  insertMany(changes: readonly DeviceChangeRecord[]): Promise<void>;
  /** Newest first; `before` (exclusive) pages back in time. */
  list(deviceId: string, options: { before?: Date; limit: number }): Promise<DeviceChangeRecord[]>;
}

export interface DeviceLinkRecord {
  deviceId: string;
  candidateId: string | null;
  matchedOn: string[];
  mergedIntoId: string | null;
  mergedAt: Date | null;
}

/** What a merge moved from one record to another. */
export interface MovedRecords {
  changes: number;
  healthSamples: number;
  inventory: boolean;
}

/** A device's hardware identity as last reported: for recognizing a reinstalled PC. */
export interface DeviceIdentity {
  deviceId: string;
  /** Normalized "serial|model". */
  identityKey: string;
  macs: string[];
}

export interface DeviceLinkRepository {
  get(deviceId: string): Promise<DeviceLinkRecord | undefined>;
  /** Records (or clears, with null) the device's identity key and MACs. */
  setIdentity(deviceId: string, identityKey: string | null, macs: readonly string[]): Promise<void>;
  /** Other devices last seen with this identity key. */
  findByIdentity(identityKey: string): Promise<DeviceIdentity[]>;
  setCandidate(deviceId: string, candidateId: string, matchedOn: readonly string[]): Promise<void>;
  clearCandidate(deviceId: string): Promise<void>;
  markMerged(deviceId: string, intoId: string, at: Date): Promise<void>;
  /**
   * Moves change rows and health samples of `fromId` to `toId`, and its inventory when `toId`
   * has none (the newer document wins otherwise). Call inside a transaction.
   */
  moveRecords(fromId: string, toId: string): Promise<MovedRecords>;
}

export interface HistoryRepositories {
  readonly changes: DeviceChangeRepository;
  readonly deviceLinks: DeviceLinkRepository;
}
