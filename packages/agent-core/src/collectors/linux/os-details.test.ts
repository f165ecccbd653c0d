import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { scriptedEnv } from '../exec-fixtures.js';
import { linuxOsDetails, type LinuxOsFiles } from './os-details.js';

const NOW = Date.UTC(2026, 2, 10, 12, 0, 0);

function files(times: Record<string, { mtimeMs?: number; birthtimeMs?: number }>, bytes: Record<string, Uint8Array> = {}): LinuxOsFiles {
  const missing = (p: string) => Promise.reject(Object.assign(new Error(`ENOENT ${p}`), { code: 'ENOENT' }));
  return {
    times: (p) => (times[p] ? Promise.resolve({ mtimeMs: times[p].mtimeMs ?? 0, birthtimeMs: times[p].birthtimeMs ?? 0 }) : missing(p)),
    readBytes: (p) => (bytes[p] ? Promise.resolve(bytes[p]) : missing(p)),
  };
}

const dpkg = (first: string) => Buffer.from(`${first} startup archives unpack\n2025-06-01 00:00:00 status installed x:amd64 1\n`);

describe('linuxOsDetails', () => {
  it('takes the earliest evidence: installer mtime, /root birth, oldest (gzipped) dpkg log', async () => {
    const logs = { '/var/log/dpkg.log': '', '/var/log/dpkg.log.1': '', '/var/log/dpkg.log.2.gz': '', '/var/log/syslog': '' };
    const env = scriptedEnv('linux', [], logs);
    const details = await linuxOsDetails(
      env,
      null,
      files(
        { '/var/log/installer': { mtimeMs: Date.UTC(2024, 4, 2, 9, 0, 0, 750) }, '/root': { birthtimeMs: Date.UTC(2024, 4, 2, 9, 5, 0) } },
        { '/var/log/dpkg.log': dpkg('2026-03-01 08:00:00'), '/var/log/dpkg.log.1': dpkg('2026-02-01 08:00:00'), '/var/log/dpkg.log.2.gz': gzipSync(dpkg('2024-05-01 08:59:00')) },
      ),
      () => NOW,
    );
    expect(details.installedAt).toBe(new Date(2024, 4, 1, 8, 59, 0).toISOString());
  });

  it('ignores a zero birth time (no statx support) and a corrupt .gz, and floors to the second', async () => {
    const env = scriptedEnv('linux', [], { '/var/log/dpkg.log.3.gz': '' });
    const details = await linuxOsDetails(
      env,
      null,
      files({ '/var/log/installer': { mtimeMs: Date.UTC(2023, 0, 5, 10, 0, 0, 999) }, '/root': { birthtimeMs: 0 } }, { '/var/log/dpkg.log.3.gz': Buffer.from('not gzip') }),
      () => NOW,
    );
    expect(details.installedAt).toBe('2023-01-05T10:00:00.000Z');
  });

  it('says null when there is no evidence, and no domain on a plain host', async () => {
    expect(await linuxOsDetails(scriptedEnv('linux', []), 'pc-7', files({}), () => NOW)).toEqual({ installedAt: null, domain: null });
  });

  it('domain: the joined realm first, then krb5 default_realm, then hostname -d, then the FQDN', async () => {
    const realm = { file: 'realm', stdout: 'corp.example.net\n  type: kerberos\n  domain-name: corp.example.net\n  configured: kerberos-member\n' };
    const hostnameD = { file: 'hostname', argsContain: '-d', stdout: 'office.example.com\n' };
    const krb5 = { '/etc/krb5.conf': '[libdefaults]\n  default_realm = AD.EXAMPLE.NET\n' };
    const run = (env: ReturnType<typeof scriptedEnv>, fqdn: string | null = null) => linuxOsDetails(env, fqdn, files({}), () => NOW).then((d) => d.domain);
    expect(await run(scriptedEnv('linux', [realm, hostnameD], krb5))).toBe('corp.example.net');
    expect(await run(scriptedEnv('linux', [{ file: 'realm', stdout: '' }, hostnameD], krb5))).toBe('AD.EXAMPLE.NET');
    expect(await run(scriptedEnv('linux', [hostnameD]))).toBe('office.example.com');
    expect(await run(scriptedEnv('linux', [{ file: 'hostname', argsContain: '-d', stdout: '\n' }]), 'pc-7.lab.example.org')).toBe('lab.example.org');
  });
});
