import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

const LOCK_FILE = 'hub.lock';

/**
 * Claims the data directory for this process: `DATA_DIR/hub.lock` holds the owner's pid, created
 * exclusively. A second hub on the same directory is refused with a clear message (two hubs would
 * share SQLite's single writer, half their writes failing, and a revoke on one would not stop the
 * other). A lock left by a process that is gone (kill -9, power loss) is taken over. Answers the
 * release function (idempotent), called when the hub closes.
 */
export function lockDataDir(dataDir: string, pid = process.pid): () => void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, `${pid}\n`);
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        if (ownerOf(file) === pid) unlinkSync(file);
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = ownerOf(file);
      if (owner !== undefined && owner !== pid && alive(owner)) {
        throw new Error(`Another Deskside hub (process ${owner}) is already using the data directory ${path.resolve(dataDir)}. Stop it first, or start this one with another --data-dir.`);
      }
      // Stale (its process is gone) or unreadable: take it over.
      unlinkSync(file);
    }
  }
  throw new Error(`Could not lock the data directory ${path.resolve(dataDir)} (${file} keeps coming back).`);
}

function ownerOf(file: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, owned by someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
