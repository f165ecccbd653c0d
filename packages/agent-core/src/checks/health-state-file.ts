import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../util/atomic-file.js';

/** What the health monitor keeps across agent restarts. */
export const HealthStateSchema = z.object({
  v: z.literal(1),
  raised: z.array(z.object({ check: z.string().max(64), subject: z.string().max(256) })).max(1024),
  rebootPendingSince: z.number().int().nonnegative().nullable(),
});
export type HealthState = z.infer<typeof HealthStateSchema>;

export const HEALTH_STATE_FILE = 'health-state.json';
const EMPTY: HealthState = { v: 1, raised: [], rebootPendingSince: null };

/** The monitor's state file in the agent's state directory; unreadable means "start fresh". */
export class HealthStateFile {
  private readonly path: string;

  constructor(stateDir: string) {
    this.path = join(stateDir, HEALTH_STATE_FILE);
  }

  async load(): Promise<HealthState> {
    try {
      const parsed = HealthStateSchema.safeParse(JSON.parse(await readFile(this.path, 'utf8')));
      return parsed.success ? parsed.data : EMPTY;
    } catch {
      return EMPTY;
    }
  }

  save(state: HealthState): Promise<void> {
    return writeFileAtomic(this.path, JSON.stringify(state));
  }
}
