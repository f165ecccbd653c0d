import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../util/atomic-file.js';

/**
 * Which headless agent version runs: `current` (null: the one the installer put there), the one
 * before it, a version on trial (staged, not yet proven) and versions that failed to start.
 */
const SlotStateSchema = z.object({
  current: z.string().nullable(),
  previous: z.string().nullable(),
  trial: z.object({ version: z.string(), starts: z.number().int().nonnegative() }).nullable(),
  failed: z.array(z.string()).max(20),
  /** Issue time of the newest signed metadata accepted (refuses replays of older metadata). */
  lastIssuedAt: z.string().nullable(),
});
export type SlotState = z.infer<typeof SlotStateSchema>;

const EMPTY: SlotState = { current: null, previous: null, trial: null, failed: [], lastIssuedAt: null };

/** A trial version that has started this many times without proving itself is rolled back. */
export const MAX_TRIAL_STARTS = 3;

/**
 * The A/B switch of the headless agent's self-update, kept in `slots.json` (atomic writes): a
 * verified version is staged on trial, the service restarts into it, and it stays only once it
 * proves itself (connected, heartbeat acknowledged). A version that crashes or hangs before that
 * is started at most MAX_TRIAL_STARTS times (the service manager restarts it), then the previous
 * version runs again and this one is remembered as failed, so it is not installed again.
 */
export class UpdateSlots {
  readonly file: string;
  constructor(readonly dir: string) {
    this.file = join(dir, 'slots.json');
  }

  /** Where a version's files are unpacked. */
  versionDir(version: string): string {
    return join(this.dir, 'versions', version);
  }

  async read(): Promise<SlotState> {
    try {
      const parsed = SlotStateSchema.safeParse(JSON.parse(await readFile(this.file, 'utf8')));
      return parsed.success ? parsed.data : { ...EMPTY };
    } catch {
      return { ...EMPTY };
    }
  }

  /** A verified, unpacked version becomes the next start's, on trial. */
  async stage(version: string, issuedAt: string): Promise<void> {
    const state = await this.read();
    await this.write({ ...state, trial: { version, starts: 0 }, lastIssuedAt: issuedAt, failed: state.failed.filter((v) => v !== version) });
  }

  /**
   * At start: the version to run (null: the installed one). Counts a trial's starts and rolls it
   * back past the limit; answers the version rolled back, if any, so it can be reported.
   */
  async boot(): Promise<{ version: string | null; rolledBack: string | null }> {
    const state = await this.read();
    if (!state.trial) return { version: state.current, rolledBack: null };
    if (state.trial.starts >= MAX_TRIAL_STARTS) {
      const failed = state.trial.version;
      await this.write({ ...state, trial: null, failed: [...state.failed, failed].slice(-20) });
      return { version: state.current, rolledBack: failed };
    }
    await this.write({ ...state, trial: { ...state.trial, starts: state.trial.starts + 1 } });
    return { version: state.trial.version, rolledBack: null };
  }

  /** The running trial version proved itself: it becomes current, the old one previous. */
  async markHealthy(version: string | null): Promise<void> {
    const state = await this.read();
    if (!state.trial || state.trial.version !== version) return;
    await this.write({ ...state, previous: state.current, current: version, trial: null });
  }

  private async write(state: SlotState): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    await writeFileAtomic(this.file, `${JSON.stringify(state)}\n`, 0o600);
  }
}
