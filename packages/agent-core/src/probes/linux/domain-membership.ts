import { defineTextProbe } from '../define-probe.js';
import { ok, unknown } from '../probe.js';

const MAX_NAME = 255;
/** Names distributions ship as placeholders, never a real membership. */
const PLACEHOLDER_DOMAINS = new Set(['localdomain', '(none)', 'localhost', 'local']);
const PLACEHOLDER_REALMS = new Set(['ATHENA.MIT.EDU', 'EXAMPLE.COM', 'EXAMPLE.ORG', 'MY.REALM']);

const clean = (s: string): string | null => {
  const v = s.trim();
  return v === '' || v.length > MAX_NAME || !/^[A-Za-z0-9.-]+$/.test(v) ? null : v;
};

/**
 * `realm list`: one block per discovered/configured realm. A block counts only when its
 * `configured:` line says it is joined (`kerberos-member`, not `no`); its `domain-name` wins.
 */
export function parseRealmList(text: string): string | null {
  for (const block of text.split(/\n(?=\S)/)) {
    const configured = /^\s+configured:\s*(\S+)/m.exec(block)?.[1];
    if (!configured || configured === 'no') continue;
    const name = /^\s+domain-name:\s*(\S+)/m.exec(block)?.[1] ?? block.split('\n')[0] ?? '';
    const domain = clean(name);
    if (domain) return domain.toLowerCase();
  }
  return null;
}

/** `default_realm` of `[libdefaults]` in /etc/krb5.conf, ignoring the placeholders packages ship. */
export function parseKrb5DefaultRealm(text: string): string | null {
  let inDefaults = false;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/[#;].*$/, '').trim();
    const section = /^\[(.+)\]$/.exec(line);
    if (section) {
      inDefaults = section[1]?.trim() === 'libdefaults';
      continue;
    }
    const m = inDefaults ? /^default_realm\s*=\s*(\S+)$/.exec(line) : null;
    if (m?.[1]) {
      const realm = clean(m[1]);
      return realm && !PLACEHOLDER_REALMS.has(realm.toUpperCase()) ? realm.toUpperCase() : null;
    }
  }
  return null;
}

/** The DNS domain of a host name (`hostname -d` output, or the part of an FQDN after the first dot). */
export function dnsDomain(value: string, isFqdn = false): string | null {
  const v = value.trim().toLowerCase();
  const domain = clean(isFqdn ? (v.includes('.') ? v.slice(v.indexOf('.') + 1) : '') : v);
  return domain && !PLACEHOLDER_DOMAINS.has(domain) ? domain : null;
}

/** `realm list` (realmd): the joined AD / IPA domain, if any. */
export const realmListProbe = defineTextProbe({
  id: 'linux.realm-list',
  platforms: ['linux'],
  commands: [{ file: 'realm', args: ['list'] }],
  parseText: (t) => ok(parseRealmList(t)),
});

/** `hostname -d`: the DNS domain part of the host's FQDN (empty when none). */
export const hostnameDomainProbe = defineTextProbe({
  id: 'linux.hostname-domain',
  platforms: ['linux'],
  commands: [{ file: 'hostname', args: ['-d'] }],
  parseText: (t) => (t.trim() === '' ? unknown('no DNS domain set') : ok(dnsDomain(t))),
});
