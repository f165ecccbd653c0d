import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConsolePaths } from './window.js';

/** Paths of the built shell, relative to the compiled main process (`dist/main`). */
export function consolePathsFrom(mainDir: string): ConsolePaths {
  const dist = path.resolve(mainDir, '..');
  return { rendererDir: path.join(dist, 'renderer'), preload: path.join(dist, 'preload', 'index.js') };
}

export const consolePaths = (): ConsolePaths => consolePathsFrom(path.dirname(fileURLToPath(import.meta.url)));
