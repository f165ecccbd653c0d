/** A consented fix as the services see it (the wire shape is the protocol's FixRun). */
export interface FixRunRecord {
  id: string;
  deviceId: string;
  siteId: string;
  ticketId: string | null;
  action: string;
  params: Record<string, unknown>;
  origin: 'technician' | 'employee';
  requestedById: string | null;
  requestedBy: string;
  state: string;
  createdAt: Date;
  updatedAt: Date;
  expiresAt: Date;
  message: string | null;
  exitCode: number | null;
  durationMs: number | null;
  output: string | null;
  bytesFreed: number | null;
}

export interface FixRunPatch {
  state: string;
  /** False once the run can do nothing more (frees the device's one slot). */
  active: boolean;
  updatedAt: Date;
  message?: string | null;
  exitCode?: number | null;
  durationMs?: number | null;
  output?: string | null;
  bytesFreed?: number | null;
}

export interface FixRunRepository {
  /** Fails (unique index) when the device already has an active run. */
  insert(run: FixRunRecord, active: boolean): Promise<void>;
  findById(id: string): Promise<FixRunRecord | undefined>;
  update(id: string, patch: FixRunPatch): Promise<void>;
  /** Active runs of the device past their expiry become `expired`; answers their ids. */
  expireActive(deviceId: string, now: Date): Promise<string[]>;
  active(deviceId: string): Promise<FixRunRecord | undefined>;
  /** Newest first. */
  listByDevice(deviceId: string, limit: number): Promise<FixRunRecord[]>;
  listByTicket(ticketId: string, limit: number): Promise<FixRunRecord[]>;
}

export interface FixRepositories {
  readonly fixRuns: FixRunRepository;
}
