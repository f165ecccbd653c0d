/**
 * Test helper: finds the recorded command outputs in `../shared/fixtures` (next to the repo, never
 * copied into it for licence reasons). Tests skip with a clear name when the folder is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRepoRoot(start: string): string | undefined {
  let dir = start;
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        const parsed: unknown = JSON.parse(readFileSync(pkg, 'utf8'));
        if (typeof parsed === 'object' && parsed !== null && 'workspaces' in parsed) return dir;
      } catch {
        // An unreadable package.json is not the root; keep walking up.
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

const repoRoot = findRepoRoot(dirname(fileURLToPath(import.meta.url)));

/** `<repo>/../shared/fixtures`, or undefined when the repo root cannot be found. */
export const fixturesRoot: string | undefined = repoRoot === undefined ? undefined : join(repoRoot, '..', 'shared', 'fixtures');

export type FixtureOs = 'windows' | 'macos' | 'linux';

export function fixturesAvailable(os: FixtureOs): boolean {
  return fixturesRoot !== undefined && existsSync(join(fixturesRoot, os));
}

/** Name for a `describe.skipIf` block that says why it may be skipped. */
export function fixtureSuiteName(os: FixtureOs, prefix: string): string {
  return fixturesAvailable(os)
    ? `recorded ${os} fixtures: ${prefix}*`
    : `recorded ${os} fixtures: ${prefix}* (SKIPPED: ../shared/fixtures/${os} not found next to the repo)`;
}

/** Every fixture file of a command, by filename prefix, so new recordings are tested automatically. */
export function listFixtures(os: FixtureOs, prefix: string): string[] {
  if (!fixturesAvailable(os) || fixturesRoot === undefined) return [];
  return readdirSync(join(fixturesRoot, os))
    .filter((name) => name.startsWith(prefix))
    .sort();
}

export function readFixture(os: FixtureOs, name: string): Uint8Array {
  if (fixturesRoot === undefined) throw new Error('fixtures folder not found');
  return readFileSync(join(fixturesRoot, os, name));
}
