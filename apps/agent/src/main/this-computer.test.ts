import type { NetworkInterfaceInfo } from 'node:os';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createThisComputer, externalAddresses, type ThisComputerSources } from './this-computer.js';

const nic = (address: string, family: 'IPv4' | 'IPv6', internal = false): NetworkInterfaceInfo =>
  ({ address, family, internal, netmask: '', mac: '00:00:00:00:00:00', cidr: null, scopeid: 0 }) as NetworkInterfaceInfo;

const interfaces = {
  lo: [nic('127.0.0.1', 'IPv4', true), nic('::1', 'IPv6', true)],
  eth0: [nic('fe80::1', 'IPv6'), nic('2001:db8::42', 'IPv6'), nic('192.168.1.42', 'IPv4')],
  wlan0: [nic('10.0.0.7', 'IPv4')],
};

function sources(overrides: Partial<ThisComputerSources> = {}): ThisComputerSources {
  return {
    hostname: () => 'PC-042',
    username: () => 'alice',
    networkInterfaces: () => interfaces,
    facts: async () => ({ serialNumber: 'SN-123', os: 'Ubuntu 24.04 LTS' }),
    fallbackOs: () => 'Linux 6.8.0',
    deviceId: () => null,
    status: () => 'offline',
    ...overrides,
  };
}

describe('externalAddresses', () => {
  it('lists IPv4 first, without loopback or link-local', () => {
    expect(externalAddresses(interfaces)).toEqual(['192.168.1.42', '10.0.0.7', '2001:db8::42']);
  });
});

describe('createThisComputer', () => {
  it('assembles what a technician asks for', async () => {
    expect(await createThisComputer(sources())()).toEqual({
      hostname: 'PC-042',
      user: 'alice',
      ipAddresses: ['192.168.1.42', '10.0.0.7', '2001:db8::42'],
      serialNumber: 'SN-123',
      os: 'Ubuntu 24.04 LTS',
      deviceId: null,
      status: 'offline',
    });
  });

  it('reads the inventory facts once', async () => {
    let reads = 0;
    const read = createThisComputer(sources({ facts: async () => ((reads += 1), { serialNumber: null, os: null }) }));
    await read();
    await read();
    expect(reads).toBe(1);
  });

  it('still answers when the inventory fails, and retries next time', async () => {
    let reads = 0;
    const read = createThisComputer(
      sources({
        facts: async () => {
          reads += 1;
          if (reads === 1) throw new Error('probe timed out');
          return { serialNumber: 'SN-9', os: null };
        },
      }),
    );
    expect(await read()).toMatchObject({ serialNumber: null, os: 'Linux 6.8.0', hostname: 'PC-042' });
    expect(await read()).toMatchObject({ serialNumber: 'SN-9', os: 'Linux 6.8.0' });
  });

  describe('with a slow inventory', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('answers without serial and OS after the wait, and has them once the read is done', async () => {
      vi.useFakeTimers();
      let finish: (facts: { serialNumber: string; os: string }) => void = () => {};
      const slow = new Promise<{ serialNumber: string; os: string }>((resolve) => (finish = resolve));
      const read = createThisComputer(sources({ facts: () => slow, factsWaitMs: 1000 }));
      const first = read();
      await vi.advanceTimersByTimeAsync(1000);
      expect(await first).toMatchObject({ serialNumber: null, os: 'Linux 6.8.0', hostname: 'PC-042' });
      finish({ serialNumber: 'SN-SLOW', os: 'Ubuntu 24.04 LTS' });
      expect(await read()).toMatchObject({ serialNumber: 'SN-SLOW', os: 'Ubuntu 24.04 LTS' });
    });
  });
});
