import { existsSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { monotonicIds } from '@deskside/protocol';
import type { OutboxWriter } from '../tickets/ticket-queue.js';
import type { Clock } from '../util/clock.js';
import type { Logger } from '../util/logger.js';
import { FixDesk, type FixDeskDeps } from './fix-desk.js';
import type { PlanEnv } from './plans/fix-plan.js';
import { fixOsOf } from './plans/plan-fix.js';
import { ReplayGuard } from './replay-guard.js';

/** This machine's places, as the plans need them. */
export function systemPlanEnv(): PlanEnv {
  return {
    tmpDir: tmpdir(),
    home: homedir(),
    linuxPackageManager: existsSync('/usr/bin/apt-get') ? 'apt' : 'dnf',
    systemRoot: process.env['SystemRoot'] ?? 'C:\\Windows',
  };
}

/**
 * Root on POSIX. On Windows the service runs as LocalSystem, whose profile is under
 * systemprofile; a user's agent never is.
 */
export function runsElevated(): boolean {
  if (typeof process.getuid === 'function') return process.getuid() === 0;
  return /\\systemprofile\\?$/i.test(homedir());
}

/** The fix desk wired to this machine. */
export function createFixDesk(options: { stateDir: string; clock: Clock; logger: Logger; outbox: OutboxWriter; overrides?: Partial<FixDeskDeps> }): FixDesk {
  const replay = new ReplayGuard(options.stateDir, () => options.clock.now());
  return new FixDesk({
    clock: options.clock,
    logger: options.logger,
    ids: monotonicIds(() => options.clock.now()),
    outbox: options.outbox,
    firstUse: (runId, expiresAt) => replay.firstUse(runId, expiresAt),
    os: fixOsOf(process.platform),
    elevated: runsElevated(),
    env: systemPlanEnv(),
    ...options.overrides,
  });
}
