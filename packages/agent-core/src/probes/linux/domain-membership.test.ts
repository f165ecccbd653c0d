import { describe, expect, it } from 'vitest';
import { dnsDomain, parseKrb5DefaultRealm, parseRealmList } from './domain-membership.js';
import { firstDpkgLogTime, isDpkgLog, plausibleInstant } from './install-date.js';

const REALM_JOINED = `corp.example.net
  type: kerberos
  realm-name: CORP.EXAMPLE.NET
  domain-name: corp.example.net
  configured: kerberos-member
  server-software: active-directory
  client-software: sssd
  required-package: sssd-tools
  login-formats: %U@corp.example.net
  login-policy: allow-realm-logins
`;

const REALM_DISCOVERED_ONLY = `other.example.org
  type: kerberos
  realm-name: OTHER.EXAMPLE.ORG
  domain-name: other.example.org
  configured: no
`;

describe('parseRealmList', () => {
  it('answers the joined domain, skipping realms only discovered', () => {
    expect(parseRealmList(REALM_JOINED)).toBe('corp.example.net');
    expect(parseRealmList(REALM_DISCOVERED_ONLY + REALM_JOINED)).toBe('corp.example.net');
    expect(parseRealmList(REALM_DISCOVERED_ONLY)).toBeNull();
    expect(parseRealmList('')).toBeNull();
  });

  it('refuses names that are not host names', () => {
    expect(parseRealmList('x\n  domain-name: evil;rm -rf\n  configured: kerberos-member\n')).toBeNull();
  });
});

describe('parseKrb5DefaultRealm', () => {
  it('reads default_realm from [libdefaults] only, ignoring shipped placeholders', () => {
    expect(parseKrb5DefaultRealm('[libdefaults]\n\tdefault_realm = CORP.EXAMPLE.NET\n\tdns_lookup_realm = false\n[realms]\n')).toBe('CORP.EXAMPLE.NET');
    expect(parseKrb5DefaultRealm('[libdefaults]\n  default_realm = ATHENA.MIT.EDU\n')).toBeNull();
    expect(parseKrb5DefaultRealm('[realms]\n  default_realm = CORP.EXAMPLE.NET\n')).toBeNull();
    expect(parseKrb5DefaultRealm('[libdefaults]\n# default_realm = CORP.EXAMPLE.NET\n')).toBeNull();
  });
});

describe('dnsDomain', () => {
  it('takes hostname -d output or the FQDN tail, not placeholders', () => {
    expect(dnsDomain('office.example.com\n')).toBe('office.example.com');
    expect(dnsDomain('pc-7.office.example.com', true)).toBe('office.example.com');
    expect(dnsDomain('localdomain')).toBeNull();
    expect(dnsDomain('pc-7', true)).toBeNull();
  });
});

describe('install-date evidence', () => {
  it('reads the first dpkg log entry in local time', () => {
    const log = '2024-01-15 10:23:45 startup archives unpack\n2024-01-15 10:23:46 install base-files:amd64 <none> 13ubuntu1\n';
    expect(firstDpkgLogTime(log)).toBe(new Date(2024, 0, 15, 10, 23, 45).getTime());
    expect(firstDpkgLogTime('garbage')).toBeNull();
  });

  it('knows dpkg log names and plausible instants', () => {
    expect(['dpkg.log', 'dpkg.log.1', 'dpkg.log.12.gz'].every(isDpkgLog)).toBe(true);
    expect(['dpkg.log.old', 'apt', 'xdpkg.log'].some(isDpkgLog)).toBe(false);
    const now = Date.UTC(2026, 0, 1);
    expect(plausibleInstant(0, now)).toBe(false);
    expect(plausibleInstant(now + 1, now)).toBe(false);
    expect(plausibleInstant(Date.UTC(2020, 0, 1), now)).toBe(true);
  });
});
