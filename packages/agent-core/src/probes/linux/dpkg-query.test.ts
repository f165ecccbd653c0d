import { describe, expect, it } from 'vitest';
import { parseWith } from '../define-probe.js';
import { okValue } from '../testing/ok-value.js';
import { dpkgQueryProbe, parseDpkgQuery } from './dpkg-query.js';

// Recorded on Debian 12 (this repo's build container) with the probe's own format, trimmed to a few lines.
const FIXTURE = [
  'ii \tadduser\t3.134\tall\tDebian Adduser Developers <adduser@packages.debian.org>',
  'ii \tbash\t5.2.15-2+b7\tamd64\tMatthias Klose <doko@debian.org>',
  'rc \tlinux-image-6.1.0-9-amd64\t6.1.27-1\tamd64\tDebian Kernel Team <debian-kernel@lists.debian.org>',
  'iU \tca-certificates\t20230311\tall\tJulien Cristau <jcristau@debian.org>',
  'ii \tlibc6:amd64\t2.36-9+deb12u7\tamd64\t',
  'truncated-li',
].join('\n');

describe('parseDpkgQuery', () => {
  it('keeps installed packages, skips removed (rc) ones, strips e-mail addresses', () => {
    const packages = okValue(parseWith(parseDpkgQuery, FIXTURE));
    expect(packages.map((p) => p.name)).toEqual(['adduser', 'bash', 'ca-certificates', 'libc6:amd64']);
    expect(packages[1]).toEqual({ name: 'bash', version: '5.2.15-2+b7', arch: 'amd64', maintainer: 'Matthias Klose' });
    expect(packages[3]?.maintainer).toBeUndefined();
  });

  it('decodes CRLF and a BOM like every text probe', () => {
    expect(okValue(parseWith(parseDpkgQuery, `\uFEFF${FIXTURE.replace(/\n/g, '\r\n')}`))).toHaveLength(4);
  });

  it.each(['', 'dpkg-query: no packages found matching x'])('unknown for %j', (text) => expect(parseDpkgQuery(text).status).toBe('unknown'));

  it('passes the format as one argument with real tabs, never through a shell', () => {
    const arg = dpkgQueryProbe.commands[0].args[1];
    expect(typeof arg === 'string' && arg.startsWith('-f=') && arg.includes('\t') && arg.endsWith('\n')).toBe(true);
  });
});
