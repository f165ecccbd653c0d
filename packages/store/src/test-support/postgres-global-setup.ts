// vitest global setup: names the directory of the run's one PostgreSQL cluster (started lazily by
// the first test that needs it, test-support/postgres.ts) and stops that cluster at the end.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { destroyLocalPostgresAt } from '../postgres/local-postgres.js';
import { PG_HOME_ENV } from './postgres.js';

export default function setup(): (() => Promise<void>) | undefined {
  if (process.env[PG_HOME_ENV] || process.env.DESKSIDE_TEST_PG_URL) return undefined;
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'deskside-test-pg-'));
  process.env[PG_HOME_ENV] = home;
  return async () => {
    const state = path.join(home, 'cluster.json');
    if (fs.existsSync(state)) {
      const { dataDir } = JSON.parse(fs.readFileSync(state, 'utf8')) as { dataDir: string };
      await destroyLocalPostgresAt(dataDir);
    }
    fs.rmSync(home, { recursive: true, force: true });
    delete process.env[PG_HOME_ENV];
  };
}
