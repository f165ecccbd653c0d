import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { AgentStateSchema, AgentStateStore, type AgentState, type Logger } from '@deskside/agent-core';
import type { SecretSealer } from './key-protection.js';

/** The sealed state file, beside where agent-core keeps the plain one. */
export const SEALED_STATE_FILE = 'agent-state.sealed';

/**
 * agent-core's state store, with the state (and so the device key) sealed by the OS keychain
 * through `safeStorage`. A plain `agent-state.json` left by an earlier run is sealed on first load
 * and removed. Whole-state sealing keeps agent-core's schema (and its key length bound) untouched.
 */
export class SealedAgentStateStore extends AgentStateStore {
  readonly sealedPath: string;

  constructor(
    stateDir: string,
    private readonly sealer: SecretSealer,
    private readonly log: Logger,
  ) {
    super(stateDir, log);
    this.sealedPath = path.join(stateDir, SEALED_STATE_FILE);
  }

  override async load(): Promise<AgentState | null> {
    const sealed = await readIfExists(this.sealedPath);
    if (sealed === null) return this.migratePlain();
    let json: unknown;
    try {
      json = JSON.parse(this.sealer.open(sealed.trim()));
    } catch {
      // Another user's keychain, a reset keyring, a damaged file: never guess, say what to do.
      throw new Error(`${this.sealedPath} cannot be opened with this user's keychain; remove it to enrol again`);
    }
    const parsed = AgentStateSchema.safeParse(json);
    if (!parsed.success) throw new Error(`${this.sealedPath} is invalid; remove it to enrol again`);
    return parsed.data;
  }

  override async save(state: AgentState): Promise<void> {
    const sealed = this.sealer.seal(JSON.stringify(AgentStateSchema.parse(state)));
    await mkdir(path.dirname(this.sealedPath), { recursive: true, mode: 0o700 });
    const tmp = `${this.sealedPath}.${randomBytes(6).toString('hex')}.tmp`;
    const handle = await open(tmp, 'wx', 0o600);
    try {
      await handle.writeFile(`${sealed}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, this.sealedPath);
  }

  private async migratePlain(): Promise<AgentState | null> {
    const plain = await super.load();
    if (plain === null) return null;
    await this.save(plain);
    await rm(this.path, { force: true });
    this.log.info('agent state moved into the OS keychain-sealed file', { path: this.sealedPath });
    return plain;
  }
}

async function readIfExists(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
