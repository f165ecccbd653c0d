import { MAX_STARTUP_ITEMS, type StartupItem } from '@deskside/protocol';
import { tryRead, type CollectorEnv } from '../env.js';
import { cut, text } from '../normalize.js';

/** XDG autostart entries (system-wide and the current user's). systemd services are in `services`. */
export async function collectLinuxStartup(env: CollectorEnv): Promise<StartupItem[]> {
  const dirs = ['/etc/xdg/autostart', ...(env.home ? [`${env.home}/.config/autostart`] : [])];
  const items: StartupItem[] = [];
  for (const dir of dirs) {
    let names: string[] = [];
    try {
      names = (await env.listDir(dir)).filter((n) => n.endsWith('.desktop')).sort();
    } catch {
      continue;
    }
    for (const file of names) {
      const body = await tryRead(env, `${dir}/${file}`);
      if (body === undefined || /^Hidden\s*=\s*true/im.test(body)) continue;
      const field = (key: string) => new RegExp(`^${key}\\s*=\\s*(.*)$`, 'm').exec(body)?.[1];
      items.push({
        name: cut(text(field('Name')) ?? file.replace(/\.desktop$/, ''), 256),
        command: text(field('Exec'), 1024),
        location: dir === '/etc/xdg/autostart' ? dir : '~/.config/autostart',
        user: dir === '/etc/xdg/autostart' ? null : 'current user',
      });
      if (items.length >= MAX_STARTUP_ITEMS) return items;
    }
  }
  return items;
}
