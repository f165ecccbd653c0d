import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the built pieces of the app live, relative to the compiled main process (`dist/main`). */
export interface AppPaths {
  /** `dist/renderer`: the only place app pages may be loaded from. */
  rendererDir: string;
  /** `dist/preload/index.js` (CommonJS: sandboxed preloads cannot be ES modules). */
  preload: string;
  /** `assets/`: tray icons. */
  assetsDir: string;
}

/** Paths computed from the directory holding the compiled main process. */
export function appPathsFrom(mainDir: string): AppPaths {
  const distDir = path.resolve(mainDir, '..');
  return {
    rendererDir: path.join(distDir, 'renderer'),
    preload: path.join(distDir, 'preload', 'index.js'),
    assetsDir: path.join(distDir, '..', 'assets'),
  };
}

/** Paths of this build (works inside app.asar: Electron resolves paths into the archive). */
export function appPaths(): AppPaths {
  return appPathsFrom(path.dirname(fileURLToPath(import.meta.url)));
}
