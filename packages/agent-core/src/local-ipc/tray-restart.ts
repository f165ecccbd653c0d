import { z } from 'zod';
import type { PeerUser } from './peer-proof.js';

/**
 * How the service starts a user's tray again after it died: through that user's own session
 * manager, so the tray runs as the user, in their session (argument arrays, never a shell):
 * - Linux: the tray's systemd user unit, `systemctl --user --machine USER@.host restart deskside-tray.service`;
 * - macOS: the tray's LaunchAgent, `launchctl kickstart -k gui/UID/com.deskside.tray`;
 * - Windows: the tray's logon task, `schtasks /Run /TN \Deskside\Tray`.
 * `DESKSIDE_TRAY_RESTART` (a JSON array; `{user}` and `{uid}` are replaced) overrides it.
 */
export function trayRestartArgv(platform: NodeJS.Platform, user: PeerUser, override?: string): string[] | null {
  if (override) {
    const parsed = z.array(z.string().min(1).max(4096)).min(1).max(64).safeParse(safeJson(override));
    if (!parsed.success) return null;
    return parsed.data.map((a) => a.replaceAll('{user}', user.name).replaceAll('{uid}', String(user.uid ?? '')));
  }
  switch (platform) {
    case 'linux':
      return ['systemctl', '--user', '--machine', `${user.name}@.host`, 'restart', 'deskside-tray.service'];
    case 'darwin':
      return user.uid === null ? null : ['launchctl', 'kickstart', '-k', `gui/${user.uid}/com.deskside.tray`];
    case 'win32':
      return ['schtasks', '/Run', '/TN', '\\Deskside\\Tray'];
    default:
      return null;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
