import { describe, expect, it } from 'vitest';
import type { ConnectivityView } from '../common/bridge-api.js';
import { connectivityVerdict } from './connectivity-verdict.js';

const good: ConnectivityView = {
  checkedAt: '2026-01-01T10:00:00Z',
  adapters: [{ name: 'eth0', ipv4: ['192.0.2.10'], ipv6: [], dhcp: true }],
  defaultGateway: '192.0.2.1',
  gatewayReachable: true,
  dnsServers: ['192.0.2.53'],
  dnsResolves: true,
  hubReachable: true,
  notes: [],
};

describe('connectivityVerdict', () => {
  it('is all good when every step works', () => {
    expect(connectivityVerdict(good)).toMatchObject({ ok: true, advice: null });
  });

  it('advises on the first step that fails, in the order packets travel', () => {
    expect(connectivityVerdict({ ...good, adapters: [], dnsResolves: false, hubReachable: false }).advice).toBe('noAdapter');
    expect(connectivityVerdict({ ...good, gatewayReachable: false, hubReachable: false }).advice).toBe('router');
    expect(connectivityVerdict({ ...good, dnsResolves: false }).advice).toBe('dns');
    expect(connectivityVerdict({ ...good, hubReachable: false }).advice).toBe('hub');
  });

  it('counts a missing router as a failure, and an unchecked step as unknown', () => {
    const v = connectivityVerdict({ ...good, defaultGateway: null, gatewayReachable: null, dnsResolves: null });
    expect(v.lines.map((l) => [l.key, l.ok, l.value])).toEqual([
      ['adapter', true, 'adapterOk'],
      ['router', false, 'routerNone'],
      ['dns', null, 'notChecked'],
      ['hub', true, 'hubOk'],
    ]);
  });
});
