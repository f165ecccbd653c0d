import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { AgentInstaller } from '@deskside/protocol';

/** Installer files the hub serves: a plain name (no path) with a known installer extension. */
const INSTALLER_NAME = /^[A-Za-z0-9][A-Za-z0-9 ._+-]{0,200}\.(exe|msi|pkg|dmg|deb|rpm|AppImage)$/;

const KINDS: Record<string, Pick<AgentInstaller, 'kind' | 'platform'>> = {
  exe: { kind: 'nsis', platform: 'win32' },
  msi: { kind: 'msi', platform: 'win32' },
  pkg: { kind: 'pkg', platform: 'darwin' },
  dmg: { kind: 'dmg', platform: 'darwin' },
  deb: { kind: 'deb', platform: 'linux' },
  rpm: { kind: 'rpm', platform: 'linux' },
  AppImage: { kind: 'appimage', platform: 'linux' },
};

/**
 * The installers an admin placed in `DATA_DIR/agent-installers/` (the built NSIS/MSI/pkg/deb/rpm),
 * for the Deploy page and for PCs to download. Only regular files directly in that directory with
 * an installer name are ever listed or served: no sub-paths, no dot files, no symlinks out.
 */
export function installerDir(dir: string) {
  return {
    dir,
    async list(): Promise<AgentInstaller[]> {
      let names: string[];
      try {
        names = await readdir(dir);
      } catch {
        return [];
      }
      const out: AgentInstaller[] = [];
      for (const file of names.sort()) {
        const found = await this.find(file);
        if (found) out.push({ file, ...kindOf(file), bytes: found.size, modifiedAt: found.modifiedAt, url: `/downloads/agent/${encodeURIComponent(file)}` });
      }
      return out.slice(0, 200);
    },
    /** The file's path and size when `name` is a servable installer, else null. */
    async find(name: string): Promise<{ path: string; size: number; modifiedAt: string } | null> {
      if (!INSTALLER_NAME.test(name)) return null;
      const path = join(dir, name);
      // lstat: a symbolic link is not a regular file, so nothing outside the directory is reachable.
      const info = await lstat(path).catch(() => null);
      if (!info || !info.isFile()) return null;
      return { path, size: info.size, modifiedAt: info.mtime.toISOString() };
    },
  };
}

export type InstallerDir = ReturnType<typeof installerDir>;

function kindOf(file: string): Pick<AgentInstaller, 'kind' | 'platform'> {
  const ext = file.slice(file.lastIndexOf('.') + 1);
  return KINDS[ext] ?? { kind: 'nsis', platform: 'win32' };
}
