import { readFile } from 'node:fs/promises';
import { hostname, uptime } from 'node:os';
import si from 'systeminformation';
import type { InventorySections } from '@deskside/protocol';
import { requiredText, text } from './normalize.js';

/** Operating system, host name, time zone and last boot. */
export async function collectOs(now: () => number = Date.now): Promise<NonNullable<InventorySections['os']>> {
  const o = await si.osInfo();
  let timezone: string | null = null;
  try {
    timezone = text(Intl.DateTimeFormat().resolvedOptions().timeZone, 64);
  } catch {
    timezone = null;
  }
  const boot = await lastBoot(now);
  return {
    platform: requiredText(o.platform, process.platform, 32),
    distro: text(o.distro),
    release: text(o.release),
    build: text(o.build),
    codename: text(o.codename),
    kernel: text(o.kernel),
    arch: text(o.arch, 32),
    hostname: requiredText(o.hostname, hostname() || 'unknown', 255),
    fqdn: text(o.fqdn),
    timezone,
    lastBootAt: boot === null ? null : new Date(boot).toISOString(),
  };
}

/**
 * The boot instant must not drift between runs, or every inventory would hash differently. Linux
 * states it exactly (`btime`); elsewhere now − uptime is floored to the minute.
 */
async function lastBoot(now: () => number): Promise<number | null> {
  if (process.platform === 'linux') {
    try {
      const stat = await readFile('/proc/stat', 'utf8');
      const m = /^btime\s+(\d+)$/m.exec(stat);
      if (m?.[1]) return Number(m[1]) * 1000;
    } catch {
      // fall through to the uptime estimate
    }
  }
  const up = uptime();
  if (!Number.isFinite(up) || up <= 0) return null;
  return Math.floor((now() - up * 1000) / 60_000) * 60_000;
}
