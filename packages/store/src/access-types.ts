/**
 * Records and repositories of identity and access: TOTP factors, device approval and the audit
 * log. Re-exported through types.ts, so services see one store interface.
 */
import type { DeviceApproval, TechnicianTier } from '@deskside/protocol';

/** Fields of a user that an admin may change; absent means "leave as is". */
export interface UserPatch {
  displayName?: string;
  role?: 'admin' | 'technician' | 'auditor';
  tier?: TechnicianTier | null;
  siteIds?: string[];
  disabledAt?: Date | null;
  passwordHash?: string;
}

export interface TotpRecord {
  userId: string;
  /** The secret, encrypted by the hub: the store never sees it in clear. */
  secretEnc: string;
  createdAt: Date;
  /** `null` while enrolment waits for its first code. */
  confirmedAt: Date | null;
  /** The last 30-second step a code was accepted for: that step and earlier ones are spent. */
  lastStep: number | null;
}

export interface TotpRepository {
  get(userId: string): Promise<TotpRecord | undefined>;
  /** Starts (or restarts) enrolment: replaces any row with an unconfirmed one. */
  begin(userId: string, secretEnc: string, at: Date): Promise<void>;
  confirm(userId: string, at: Date, step: number): Promise<void>;
  /**
   * Spends `step` if it is later than the last one spent: one conditional UPDATE, so the same code
   * presented twice at once is accepted once.
   */
  spendStep(userId: string, step: number): Promise<boolean>;
  remove(userId: string): Promise<void>;
}

export interface DeviceApprovalRepository {
  set(deviceId: string, approval: DeviceApproval): Promise<void>;
  /** Devices waiting for approval (not revoked), oldest first. */
  listPending(): Promise<Array<{ id: string; siteId: string; hostname: string; machineId: string; enrolledAt: Date }>>;
  /** Ids of non-revoked, approved devices with this machine id. */
  activeTwins(machineId: string, exceptId: string): Promise<string[]>;
}

/** One audit row as stored. `hash` = sha256(prevHash + canonical row), computed by the hub. */
export interface AuditRecord {
  seq: number;
  at: Date;
  actorId: string;
  actorName: string;
  action: string;
  target: string;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export interface AuditRepository {
  /**
   * Takes the chain's write lock for the rest of the transaction (a row lock on PostgreSQL, the
   * write lock on SQLite): call it before `last()`, so no other writer chains onto the same row.
   */
  lockChain(): Promise<void>;
  /** The newest row, to chain the next one to (read inside the appending transaction, after `lockChain`). */
  last(): Promise<AuditRecord | undefined>;
  append(record: AuditRecord): Promise<void>;
  /** Newest first; `before` is exclusive. */
  page(limit: number, before?: number): Promise<AuditRecord[]>;
  /** Oldest first, from `afterSeq` (exclusive), for verification in bounded pages. */
  scan(afterSeq: number, limit: number): Promise<AuditRecord[]>;
}

/** The attempts of one key in its current window, right after an attempt was counted. */
export interface AttemptWindow {
  /** Attempts in the window, this one included. */
  count: number;
  windowStart: Date;
}

/**
 * Counters of attempts at guessable secrets. `take` counts an attempt BEFORE the secret is
 * checked, in one statement (an upsert), so simultaneous guesses each see a distinct count and
 * at most the limit of them are ever checked, on any number of hubs sharing the database.
 */
export interface AttemptCounterRepository {
  /**
   * Counts one attempt (or `amount` units: bytes of a budget) for `key`; a window older than
   * `windowMs` starts over at `amount`.
   */
  take(key: string, at: Date, windowMs: number, amount?: number): Promise<AttemptWindow>;
  /** Gives one attempt (or `amount` units) back (a check that turned out not to be a guess, e.g. a right password). */
  giveBack(key: string, amount?: number): Promise<void>;
  /** Forgets `key` (a successful sign-in ends its account's failures). */
  clear(key: string): Promise<void>;
  /** Deletes windows that started before `before`; answers how many. */
  pruneBefore(before: Date): Promise<number>;
}
