// Test support only: real temp directories and stores, a fake clock, a log capture.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '@deskside/store';
import { createLogger, type Logger } from '../log/logger.js';

export function tempDir(prefix = 'deskside-hub-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function tempStore(): Promise<{ store: Store; dir: string; cleanup(): Promise<void> }> {
  const temp = tempDir();
  const store = await openStore({ dataDir: temp.dir });
  return {
    store,
    dir: temp.dir,
    async cleanup() {
      await store.close();
      temp.remove();
    },
  };
}

/** A clock that moves only when told. */
export function fakeClock(start = new Date('2025-03-01T12:00:00.000Z')): { clock: () => Date; advance(ms: number): void } {
  let now = start.getTime();
  return { clock: () => new Date(now), advance: (ms) => void (now += ms) };
}

/** A logger whose lines are kept, for tests that check what was (not) logged. */
export function captureLogger(): { logger: Logger; lines: string[]; text(): string } {
  const lines: string[] = [];
  return { logger: createLogger({ level: 'debug', write: (l) => void lines.push(l) }), lines, text: () => lines.join('') };
}
