import { describe, expect, it } from 'vitest';
import { formatOs, platformName } from './os-text.js';

const base = {
  platform: 'linux',
  distro: null,
  release: null,
  build: null,
  codename: null,
  kernel: null,
  arch: null,
  hostname: 'pc-1',
  fqdn: null,
  timezone: null,
  lastBootAt: null,
};

describe('formatOs', () => {
  it('joins distro, release and architecture', () => {
    expect(formatOs({ ...base, distro: 'Ubuntu', release: '22.04.4 LTS', arch: 'x64' })).toBe('Ubuntu 22.04.4 LTS (x64)');
  });

  it('does not repeat a release the distro already names', () => {
    expect(formatOs({ ...base, distro: 'Ubuntu 22.04.4 LTS', release: '22.04.4 LTS' })).toBe('Ubuntu 22.04.4 LTS');
  });

  it('falls back to the platform name when the distro is unknown', () => {
    expect(formatOs({ ...base, platform: 'win32', release: '10.0.22631' })).toBe('Windows 10.0.22631');
    expect(formatOs({ ...base, platform: 'darwin', distro: '  ' })).toBe('macOS');
  });

  it('shows a dash for a missing section', () => {
    expect(formatOs(undefined)).toBe('—');
  });
});

describe('platformName', () => {
  it('maps known ids and keeps unknown ones', () => {
    expect(platformName('win32')).toBe('Windows');
    expect(platformName('haiku')).toBe('haiku');
  });
});
