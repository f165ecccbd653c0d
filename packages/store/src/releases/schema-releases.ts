import type { EpochMs } from '../schema.js';

/** Agent releases an admin registered: the signed metadata exactly as signed, and its rollout. */
export interface AgentReleasesTable {
  id: string;
  channel: string;
  version: string;
  /** 0/1. */
  rollback: number;
  issued_at: EpochMs;
  expires_at: EpochMs;
  key_id: string;
  /** SignedAgentRelease as JSON: handed to agents unchanged, they verify it. */
  signed: string;
  /** 'rolling' | 'paused' | 'withdrawn'. */
  state: string;
  /** JSON array of group ids: the pilot ring. */
  pilot_group_ids: string;
  percent: number;
  /** JSON array of site ids; '[]' means every site. */
  site_ids: string;
  created_by: string;
  created_at: EpochMs;
  updated_at: EpochMs;
}

/** The agent version each device reported at its last update check. */
export interface AgentVersionsTable {
  device_id: string;
  channel: string;
  version: string;
  reported_at: EpochMs;
}

export interface ReleaseTables {
  agent_releases: AgentReleasesTable;
  agent_versions: AgentVersionsTable;
}
