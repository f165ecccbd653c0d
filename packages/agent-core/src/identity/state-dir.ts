import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the agent keeps its credential, outbox and last acknowledged inventory, when `--state-dir`
 * is not given:
 * - Linux: `$XDG_STATE_HOME/deskside-agent`, else `~/.local/state/deskside-agent`; `/var/lib/deskside-agent` as root;
 * - macOS: `~/Library/Application Support/Deskside Agent`;
 * - Windows: `%ProgramData%\Deskside\agent`.
 */
export function defaultStateDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
  isRoot: boolean = typeof process.getuid === 'function' && process.getuid() === 0,
): string {
  if (platform === 'win32') {
    const base = env['ProgramData'] ?? env['PROGRAMDATA'] ?? 'C:\\ProgramData';
    return `${base}\\Deskside\\agent`;
  }
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Deskside Agent');
  if (isRoot) return '/var/lib/deskside-agent';
  const xdg = env['XDG_STATE_HOME'];
  if (xdg && xdg.startsWith('/')) return join(xdg, 'deskside-agent');
  return join(home, '.local', 'state', 'deskside-agent');
}
