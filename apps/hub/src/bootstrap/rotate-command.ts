import { existsSync } from 'node:fs';
import { openStore, resolveDatabaseTarget } from '@deskside/store';
import { systemClock } from '../clock.js';
import type { HubConfig } from '../config.js';
import type { Logger } from '../log/logger.js';
import { rotateSecrets, type RotateRequest, type RotateResult } from './rotate-secrets.js';

/**
 * `deskside-hub rotate-secrets`: opens the hub's database (never creating one: a mistyped
 * --data-dir must not become a new, empty hub), rotates, and answers the text for stdout.
 */
export async function runRotateCommand(config: Pick<HubConfig, 'dataDir' | 'databaseUrl'>, request: RotateRequest, logger: Logger): Promise<string> {
  const options = { dataDir: config.dataDir, ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}) };
  const target = resolveDatabaseTarget(options);
  if (target.kind === 'sqlite-file' && !existsSync(target.path)) {
    throw new Error(`No Deskside hub database at ${target.path}. Point --data-dir (or --database) at the hub's.`);
  }
  const store = await openStore(options);
  try {
    if ((await store.users.count()) === 0) throw new Error('This database has no hub accounts yet: start the hub once, it generates its first secrets.');
    return formatRotation(await rotateSecrets({ store, clock: systemClock, logger }, request));
  } finally {
    await store.close();
  }
}

/** Secrets for the operator's terminal, shown this once. */
export function formatRotation(result: RotateResult): string {
  const lines = ['', 'New secrets (shown this once: note them down now).'];
  if (result.adminPassword !== undefined) {
    lines.push(`  Admin login:      ${result.username ?? 'admin'} / ${result.adminPassword}`, `                    ${plural(result.endedSessions, 'session')} of this account ended.`);
  }
  if (result.enrollToken !== undefined) {
    lines.push(`  Enrolment token:  ${result.enrollToken}`, `                    expires in 7 days; ${plural(result.revokedTokens, 'earlier generated token')} revoked.`);
  }
  return lines.join('\n') + '\n\n';
}

function plural(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}
