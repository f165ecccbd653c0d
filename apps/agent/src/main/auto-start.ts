import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { app } from 'electron';
import type { Logger } from './logger.js';

export interface AutoStartOptions {
  platform: NodeJS.Platform;
  /** The user's config dir on Linux (`$XDG_CONFIG_HOME` or `~/.config`). */
  xdgConfigHome: string;
  /** The command that starts the tray (the AppImage path when run from one). */
  execPath: string;
  logger: Logger;
}

export const AUTOSTART_FILE = 'deskside-agent.desktop';

/**
 * Starts the tray at login: the login item on Windows and macOS; an XDG autostart entry on Linux
 * (Electron's login items are not implemented there). Skipped for unpackaged development runs.
 */
export async function setupAutoStart(options: AutoStartOptions): Promise<void> {
  if (!app.isPackaged) return;
  if (options.platform === 'win32' || options.platform === 'darwin') {
    app.setLoginItemSettings({ openAtLogin: true });
    return;
  }
  if (options.platform !== 'linux') return;
  const dir = path.join(options.xdgConfigHome, 'autostart');
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, AUTOSTART_FILE), xdgAutostartEntry(options.execPath), { mode: 0o644 });
  } catch (error) {
    options.logger.warn('could not write the XDG autostart entry', { error });
  }
}

/**
 * The `.desktop` file's text. The Desktop Entry spec quotes an Exec argument (escaping `"`, `` ` ``,
 * `$` and `\` inside double quotes), then applies the string-value escape (`\` → `\\`) on top,
 * and reserves `%` for field codes.
 */
export function xdgAutostartEntry(execPath: string): string {
  if ([...execPath].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) throw new Error('executable path contains control characters');
  const argument = `"${execPath.replace(/["`$\\]/g, (c) => `\\${c}`)}"`;
  const quoted = argument.replace(/\\/g, '\\\\').replace(/%/g, '%%');
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Deskside Agent',
    'Comment=IT help desk agent',
    `Exec=${quoted}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** `$XDG_CONFIG_HOME` when absolute, else `~/.config`. */
export function xdgConfigHome(env: NodeJS.ProcessEnv, home: string): string {
  const value = env['XDG_CONFIG_HOME'];
  return value && path.isAbsolute(value) ? value : path.join(home, '.config');
}
