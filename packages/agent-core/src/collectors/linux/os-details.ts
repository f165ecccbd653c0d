import { readFile, stat } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import type { InventorySections } from '@deskside/protocol';
import { dnsDomain, hostnameDomainProbe, parseKrb5DefaultRealm, realmListProbe } from '../../probes/linux/domain-membership.js';
import { firstDpkgLogTime, isDpkgLog, plausibleInstant } from '../../probes/linux/install-date.js';
import { tryProbe, tryRead, type CollectorEnv } from '../env.js';

type Os = NonNullable<InventorySections['os']>;

/** File metadata and bytes the install-date evidence needs; injectable for tests. */
export interface LinuxOsFiles {
  times(path: string): Promise<{ mtimeMs: number; birthtimeMs: number }>;
  readBytes(path: string): Promise<Uint8Array>;
}

export const realLinuxOsFiles: LinuxOsFiles = {
  times: (path) => stat(path),
  readBytes: (path) => readFile(path),
};

const MAX_LOGS = 24;
const MAX_LOG_BYTES = 64 * 2 ** 20;

/**
 * Install date and domain for Linux, which systeminformation leaves empty.
 *
 * installedAt is the EARLIEST of three pieces of evidence, each an upper bound on the install
 * instant (all are created or written at or after installation): the mtime of `/var/log/installer`
 * (Debian/Ubuntu installer logs, written during the install), the birth time of `/root` (created
 * by the installer; only when the file system reports birth times, else Node gives 0), and the
 * first entry of the oldest dpkg log (`/var/log/dpkg.log*`, gzipped rotations included; log
 * rotation can have dropped the earliest ones). Floored to the second so the hash stays stable.
 *
 * domain: the joined realm from `realm list`, else a real `default_realm` in /etc/krb5.conf, else
 * the DNS domain (`hostname -d`, then the FQDN); null when none of them names one.
 */
export async function linuxOsDetails(
  env: CollectorEnv,
  fqdn: string | null,
  files: LinuxOsFiles = realLinuxOsFiles,
  now: () => number = Date.now,
): Promise<Pick<Os, 'installedAt' | 'domain'>> {
  const at = now();
  const evidence = [
    await files.times('/var/log/installer').then((t) => t.mtimeMs, () => null),
    await files.times('/root').then((t) => t.birthtimeMs, () => null),
    await oldestDpkgEntry(env, files),
  ].filter((ms): ms is number => plausibleInstant(ms, at));
  const installedAt = evidence.length === 0 ? null : new Date(Math.floor(Math.min(...evidence) / 1000) * 1000).toISOString();
  return { installedAt, domain: await linuxDomain(env, fqdn) };
}

async function oldestDpkgEntry(env: CollectorEnv, files: LinuxOsFiles): Promise<number | null> {
  const names = (await env.listDir('/var/log').catch(() => [])).filter(isDpkgLog).slice(0, MAX_LOGS);
  let oldest: number | null = null;
  for (const name of names) {
    const bytes = await files.readBytes(`/var/log/${name}`).catch(() => undefined);
    if (!bytes || bytes.byteLength > MAX_LOG_BYTES) continue;
    let text: string;
    try {
      text = Buffer.from(name.endsWith('.gz') ? gunzipSync(bytes, { maxOutputLength: MAX_LOG_BYTES }) : bytes).toString('utf8');
    } catch {
      continue; // a truncated or foreign .gz is no evidence
    }
    const first = firstDpkgLogTime(text);
    if (first !== null && (oldest === null || first < oldest)) oldest = first;
  }
  return oldest;
}

async function linuxDomain(env: CollectorEnv, fqdn: string | null): Promise<string | null> {
  const ignored: string[] = [];
  const joined = await tryProbe(realmListProbe, env, ignored);
  if (joined) return joined;
  const krb5 = await tryRead(env, '/etc/krb5.conf');
  const realm = krb5 === undefined ? null : parseKrb5DefaultRealm(krb5);
  if (realm) return realm;
  const dns = await tryProbe(hostnameDomainProbe, env, ignored);
  if (dns) return dns;
  return fqdn ? dnsDomain(fqdn, true) : null;
}
