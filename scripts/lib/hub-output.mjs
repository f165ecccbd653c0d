// Shared by the launch scripts (start, demo, tray:preview, cluster): plain JS, like them, so it
// runs before anything is compiled.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Runs `npm run build` once when any of these built paths (relative to the root) is missing. */
export function buildIfMissing(paths) {
  if (!paths.some((p) => !existsSync(path.join(root, p)))) return;
  console.log('Building Deskside (first start)…');
  const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/**
 * Reads a hub child's stdout line by line: the `DESKSIDE_READY {json}` line goes to `onReady`
 * with its parsed details ({url, port}); every other line goes to `onLine` (the banner, logs).
 */
export function onHubOutput(child, { onReady, onLine = () => {} }) {
  child.stdout.setEncoding('utf8');
  let pending = '';
  child.stdout.on('data', (chunk) => {
    pending += chunk;
    let nl;
    while ((nl = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      const ready = /^DESKSIDE_READY (.*)$/.exec(line);
      if (ready) onReady(JSON.parse(ready[1]));
      else onLine(line);
    }
  });
}
