import { describe, expect, it } from 'vitest';
import type { ThisComputerInfo } from '../common/bridge-api.js';
import { computerRows, computerText } from './computer-text.js';
import { createI18n } from './i18n.js';

const info: ThisComputerInfo = {
  hostname: 'PC-042',
  user: 'alice',
  ipAddresses: ['192.168.1.42', '2001:db8::42'],
  serialNumber: null,
  os: 'Windows 11 Pro 23H2',
  deviceId: '01J9ZK3V7Y8X6W5V4T3S2R1Q0P',
  status: 'offline',
};

describe('computer text', () => {
  it('gives one line per detail, saying what is unknown, and no internal id', () => {
    const { t } = createI18n('en');
    expect(computerText(info, t)).toBe(
      [
        'Computer name: PC-042',
        'User: alice',
        'IP address: 192.168.1.42, 2001:db8::42',
        'Serial number: Unknown',
        'Operating system: Windows 11 Pro 23H2',
        'Help desk connection: Offline',
      ].join('\n'),
    );
  });

  it('speaks the employee’s language', () => {
    const { t } = createI18n('de');
    expect(computerRows({ ...info, ipAddresses: [] }, t).find((r) => r.label === 'IP-Adresse')?.value).toBe('Kein Netzwerk');
  });
});
