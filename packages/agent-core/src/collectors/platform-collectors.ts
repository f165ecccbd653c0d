import type { InventorySections } from '@deskside/protocol';
import { collectMacSoftware } from './darwin/software.js';
import { collectMacSecurity } from './darwin/security.js';
import { collectMacServices } from './darwin/services.js';
import { macGraphics, macMemory, macSystem } from './darwin/hardware.js';
import { SectionUnknown, type CollectorEnv } from './env.js';
import { linuxOsDetails } from './linux/os-details.js';
import { collectLinuxSecurity } from './linux/security.js';
import { collectLinuxServices } from './linux/services.js';
import { collectLinuxSoftware } from './linux/software.js';
import { collectLinuxStartup } from './linux/startup.js';
import { collectMacStartup, collectWindowsStartup } from './startup.js';
import type { SectionCollectors } from './types.js';
import { windowsOsDetails } from './win32/os-details.js';
import { collectWindowsSecurity } from './win32/security.js';
import { collectWindowsServices } from './win32/services.js';
import { collectWindowsSoftware } from './win32/software.js';

type Sections = Required<InventorySections>;

/**
 * The sections only OS tools can answer, per platform: installed software, services, start-up
 * items and security posture. Each maps probe output (the tested parsers) to protocol sections.
 */
export function platformCollectors(env: CollectorEnv): Pick<SectionCollectors, 'software' | 'services' | 'startupItems' | 'security'> {
  const unsupported = (what: string) => () => Promise.reject(new SectionUnknown(`${what} is not collected on ${env.platform}`));
  switch (env.platform) {
    case 'win32':
      return {
        software: () => collectWindowsSoftware(env),
        services: () => collectWindowsServices(env),
        startupItems: () => collectWindowsStartup(env),
        security: () => collectWindowsSecurity(env),
      };
    case 'darwin':
      return {
        software: () => collectMacSoftware(env),
        services: () => collectMacServices(env),
        startupItems: () => collectMacStartup(env),
        security: () => collectMacSecurity(env),
      };
    case 'linux':
      return {
        software: () => collectLinuxSoftware(env),
        services: () => collectLinuxServices(env),
        startupItems: () => collectLinuxStartup(env),
        security: () => collectLinuxSecurity(env),
      };
    default:
      return {
        software: unsupported('installed software'),
        services: unsupported('services'),
        startupItems: unsupported('start-up items'),
        security: unsupported('security posture'),
      };
  }
}

/** OS probes filling what systeminformation leaves empty on a platform; `undefined` keeps si's answer. */
export const platformFills = {
  /** Windows: install date and domain / workgroup from systeminfo; Linux: install date and domain (linux/os-details). */
  async os(env: CollectorEnv, os: Sections['os']): Promise<Sections['os']> {
    if (env.platform === 'linux') return { ...os, ...(await linuxOsDetails(env, os.fqdn).catch(() => ({}))) };
    if (env.platform !== 'win32') return os;
    try {
      return { ...os, ...(await windowsOsDetails(env)) };
    } catch {
      return os;
    }
  },
  /** macOS: serial / model from System Information when ioreg gave nothing usable. */
  async system(env: CollectorEnv, system: Sections['system']): Promise<Sections['system']> {
    if (env.platform !== 'darwin' || (system.serial !== null && system.model !== null)) return system;
    const mac = await macSystem(env).catch(() => undefined);
    return mac ? { ...mac, ...Object.fromEntries(Object.entries(system).filter(([, v]) => v !== null)) } : system;
  },
  async memory(env: CollectorEnv, memory: Sections['memory']): Promise<Sections['memory']> {
    if (env.platform !== 'darwin' || memory.modules.length > 0) return memory;
    return (await macMemory(env).catch(() => undefined)) ?? memory;
  },
  async graphics(env: CollectorEnv, graphics: Sections['graphics']): Promise<Sections['graphics']> {
    if (env.platform !== 'darwin' || graphics.length > 0) return graphics;
    return (await macGraphics(env).catch(() => undefined))?.graphics ?? graphics;
  },
};
