import type { RolloutState } from '@deskside/protocol';

/** A registered agent release (the signed metadata is kept verbatim). */
export interface AgentReleaseRecord {
  id: string;
  channel: string;
  version: string;
  rollback: boolean;
  issuedAt: Date;
  expiresAt: Date;
  keyId: string;
  /** SignedAgentRelease as JSON text. */
  signed: string;
  state: RolloutState;
  pilotGroupIds: string[];
  percent: number;
  /** Empty: every site. */
  siteIds: string[];
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export type ReleaseRolloutPatch = Partial<Pick<AgentReleaseRecord, 'state' | 'pilotGroupIds' | 'percent' | 'siteIds'>>;

export interface AgentReleaseRepository {
  create(release: AgentReleaseRecord): Promise<void>;
  /** Newest issued first, at most 500. */
  list(): Promise<AgentReleaseRecord[]>;
  /** Rolling releases of a channel that have not expired at `now`, newest issued first. */
  offered(channel: string, now: Date): Promise<AgentReleaseRecord[]>;
  findById(id: string): Promise<AgentReleaseRecord | undefined>;
  findByIssue(channel: string, version: string, issuedAt: Date): Promise<AgentReleaseRecord | undefined>;
  /** Answers the updated record, or undefined when there is none. */
  updateRollout(id: string, patch: ReleaseRolloutPatch, at: Date): Promise<AgentReleaseRecord | undefined>;
  /** Records what a device runs (one row per device, replaced). */
  reportVersion(deviceId: string, channel: string, version: string, at: Date): Promise<void>;
  /** How many devices run each version, per channel (at most 500 rows, most devices first). */
  versionCounts(): Promise<{ channel: string; version: string; devices: number }[]>;
}

export interface ReleaseRepositories {
  readonly agentReleases: AgentReleaseRepository;
}
