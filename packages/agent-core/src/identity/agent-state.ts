import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AgentPolicySchema, IdSchema, Timestamp } from '@deskside/protocol';
import { ensurePrivateDir, tightenIfExposed, writeFileAtomic } from '../util/atomic-file.js';
import type { Logger } from '../util/logger.js';
import { FingerprintSchema } from '../connection/tls-pin.js';

/** What the agent remembers between runs: its hub and the credential it was issued there. */
export const AgentStateSchema = z.object({
  hubUrl: z.string().url().max(2048),
  deviceId: IdSchema,
  deviceKey: z.string().min(32).max(128),
  siteId: IdSchema,
  policy: AgentPolicySchema,
  enrolledAt: Timestamp,
  /** SHA-256 of the hub's TLS certificate, pinned at enrolment: every later connection must show it. */
  tlsFingerprint: FingerprintSchema.optional(),
  /** The hub's Ed25519 key that signs fix requests, pinned at enrolment (absent: fixes are refused). */
  actionKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/).optional(),
});
export type AgentState = z.infer<typeof AgentStateSchema>;

export const STATE_FILE = 'agent-state.json';

/** Reads and writes `<stateDir>/agent-state.json` (mode 0600 in a 0700 directory). */
export class AgentStateStore {
  readonly path: string;

  constructor(
    readonly stateDir: string,
    private readonly logger: Logger,
  ) {
    this.path = join(stateDir, STATE_FILE);
  }

  /** The stored state, or `null` when the agent was never enrolled. A malformed file is an error. */
  async load(): Promise<AgentState | null> {
    let raw: string;
    try {
      raw = await readFile(this.path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    // The file holds the device key: others must not be able to read it.
    if (await tightenIfExposed(this.path)) {
      this.logger.warn('agent state file was readable by other users; its mode was reset to 0600', { path: this.path });
    }
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new Error(`agent state file ${this.path} is not valid JSON; remove it to enrol again`);
    }
    const parsed = AgentStateSchema.safeParse(json);
    if (!parsed.success) throw new Error(`agent state file ${this.path} is invalid; remove it to enrol again`);
    return parsed.data;
  }

  async save(state: AgentState): Promise<void> {
    await ensurePrivateDir(this.stateDir);
    await writeFileAtomic(this.path, `${JSON.stringify(AgentStateSchema.parse(state), null, 2)}\n`, 0o600);
  }
}
