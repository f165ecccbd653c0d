import { describe, expect, it } from 'vitest';
import { ConnectivityCheckSchema } from '@deskside/protocol';
import { checkConnectivity, WELL_KNOWN_NAME } from './connectivity.js';
import { parseProcNetRoute } from './system-probes.js';
import { fakeProbes } from './testing/fake-probes.js';

const HUB = 'https://hub.corp.test:4800';

describe('checkConnectivity', () => {
  it('reports a healthy network', async () => {
    const looked: string[] = [];
    const check = await checkConnectivity(
      fakeProbes({
        lookup: (name) => {
          looked.push(name);
          return Promise.resolve('192.0.2.7');
        },
      }),
      HUB,
    );
    expect(ConnectivityCheckSchema.parse(check)).toEqual(check);
    expect(check).toMatchObject({ defaultGateway: '192.0.2.1', gatewayReachable: true, dnsResolves: true, hubReachable: true, notes: [] });
    expect(check.adapters).toEqual([{ name: 'eth0', ipv4: ['192.0.2.10'], ipv6: ['fe80::1'], dhcp: null }]);
    expect(looked).toEqual(['hub.corp.test', WELL_KNOWN_NAME]);
  });

  it('says in plain words what is broken, and never throws', async () => {
    const check = await checkConnectivity(
      fakeProbes({
        networkInterfaces: () => ({ lo: [{ address: '127.0.0.1', family: 4, internal: true }] }),
        defaultGateway: () => Promise.reject(new Error('no route table')),
        lookup: () => Promise.reject(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' })),
        hubHealthy: () => Promise.reject(new Error('ECONNREFUSED')),
      }),
      HUB,
    );
    expect(check).toMatchObject({ adapters: [], defaultGateway: null, gatewayReachable: null, dnsResolves: false, hubReachable: false });
    expect(check.notes).toEqual([
      'This computer has no network connection (no network adapter has an address).',
      'No default gateway (router) is configured.',
      'DNS lookup of hub.corp.test failed: ENOTFOUND',
      `DNS lookup of ${WELL_KNOWN_NAME} failed: ENOTFOUND`,
      'The help desk server does not answer.',
    ]);
  });

  it('does not look up an IP-literal hub, and says when no hub is configured', async () => {
    const looked: string[] = [];
    const probes = fakeProbes({ lookup: (n) => (looked.push(n), Promise.resolve('x')), gatewayReachable: () => Promise.resolve(false) });
    await checkConnectivity(probes, 'http://127.0.0.1:4800');
    expect(looked).toEqual([WELL_KNOWN_NAME]);
    const none = await checkConnectivity(probes, null);
    expect(none.hubReachable).toBeNull();
    expect(none.notes).toContain('The router (192.0.2.1) does not answer.');
    expect(none.notes).toContain('No help desk address is configured on this computer.');
  });
});

describe('parseProcNetRoute', () => {
  it('reads the default route gateway (little-endian hex)', () => {
    const table = [
      'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask',
      'eth0\t0000A8C0\t00000000\t0001\t0\t0\t0\t00FFFFFF',
      'eth0\t00000000\t0101A8C0\t0003\t0\t0\t0\t00000000',
    ].join('\n');
    expect(parseProcNetRoute(table)).toBe('192.168.1.1');
    expect(parseProcNetRoute('Iface\tDestination\tGateway\n')).toBeNull();
    expect(parseProcNetRoute('garbage')).toBeNull();
  });
});
