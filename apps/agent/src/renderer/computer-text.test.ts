import { describe, expect, it } from 'vitest';
import type { ThisComputerInfo } from '../common/bridge-api.js';
import { computerRows, computerText } from './computer-text.js';

const info: ThisComputerInfo = {
  hostname: 'PC-042',
  user: 'alice',
  ipAddresses: ['192.168.1.42', '2001:db8::42'],
  serialNumber: null,
  os: 'Windows 11 Pro 23H2',
  deviceId: null,
  status: 'offline',
};

describe('computer text', () => {
  it('gives one line per detail, saying what is unknown', () => {
    expect(computerText(info)).toBe(
      [
        'Computer name: PC-042',
        'User: alice',
        'IP address: 192.168.1.42, 2001:db8::42',
        'Serial number: Unknown',
        'Operating system: Windows 11 Pro 23H2',
        'Device ID: Not enrolled yet',
        'Help desk connection: Offline',
      ].join('\n'),
    );
  });

  it('says so when there is no network', () => {
    expect(computerRows({ ...info, ipAddresses: [] }).find((r) => r.label === 'IP address')?.value).toBe('No network');
  });
});
