import { DEFAULT_HEALTH_POLICY, type InventoryDocument } from '@deskside/protocol';
import { describe, expect, it } from 'vitest';
import { antivirusCheck } from './antivirus.js';
import { batteryHealthCheck } from './battery-health.js';
import { cpuSustainedCheck } from './cpu-sustained.js';
import { diskFreeCheck } from './disk-free.js';
import { firewallCheck } from './firewall.js';
import { memoryPressureCheck } from './memory-pressure.js';
import { rebootPendingCheck } from './reboot-pending.js';
import { smartFailingCheck } from './smart-failing.js';
import { GB, type CheckInputs } from './types.js';
import { uptimeCheck } from './uptime.js';

const T0 = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;
const doc = (sections: Partial<InventoryDocument>): InventoryDocument => ({ schemaVersion: 1, collectedAt: new Date(T0).toISOString(), agentVersion: 't', probes: [], ...sections });
const security = (s: Partial<NonNullable<InventoryDocument['security']>>) =>
  doc({ security: { antivirus: null, firewallEnabled: null, firewallProfiles: [], diskEncryption: null, systemVolumeEncrypted: null, pendingUpdates: null, rebootPending: null, ...s } });
const inputs = (over: Partial<CheckInputs>): CheckInputs => ({ at: T0, metrics: null, volumes: null, inventory: null, policy: DEFAULT_HEALTH_POLICY, rebootPendingSince: null, ...over });
const metrics = { cpuPercent: 50, memUsedBytes: 8 * GB, memTotalBytes: 16 * GB, diskUsedBytes: null, diskTotalBytes: null, uptimeSeconds: 0 };
const verdict = (r: { bad: boolean; clear: boolean }) => (r.bad ? 'bad' : r.clear ? 'clear' : 'band');

describe('checks', () => {
  it('disk-free: % floor, GB floor, per volume, falls back to inventory volumes', () => {
    const vols = [
      { mount: '/', sizeBytes: 100 * GB, usedBytes: 95 * GB }, // 5 % and 5 GB free: critical by %
      { mount: '/data', sizeBytes: 4000 * GB, usedBytes: 3700 * GB }, // 7.5 % but 300 GB: bad by %
      { mount: '/boot', sizeBytes: 1 * GB, usedBytes: 0.2 * GB }, // GB floor capped at half the volume
    ];
    const out = diskFreeCheck.evaluate(inputs({ volumes: vols }));
    expect(out.map((r) => [r.subject, verdict(r), r.severity])).toEqual([['/', 'bad', 'warning'], ['/data', 'bad', 'warning'], ['/boot', 'clear', 'warning']]);
    const fromInventory = diskFreeCheck.evaluate(inputs({ inventory: doc({ volumes: [{ mount: 'C:', fs: 'ntfs', label: null, sizeBytes: 100 * GB, usedBytes: 99 * GB, removable: false, encrypted: null }] }) }));
    expect(fromInventory.map((r) => [r.subject, verdict(r), r.severity])).toEqual([['C:', 'bad', 'critical']]);
  });

  it('memory-pressure and cpu-sustained: ceilings with a hysteresis band', () => {
    expect(verdict(memoryPressureCheck.evaluate(inputs({ metrics: { ...metrics, memUsedBytes: 15 * GB } }))[0]!)).toBe('bad');
    expect(verdict(memoryPressureCheck.evaluate(inputs({ metrics: { ...metrics, memUsedBytes: 14.2 * GB } }))[0]!)).toBe('band');
    expect(verdict(cpuSustainedCheck.evaluate(inputs({ metrics: { ...metrics, cpuPercent: 99 } }))[0]!)).toBe('bad');
    expect(verdict(cpuSustainedCheck.evaluate(inputs({ metrics: { ...metrics, cpuPercent: 50 } }))[0]!)).toBe('clear');
    expect(cpuSustainedCheck.evaluate(inputs({}))).toEqual([]);
  });

  it('battery-health: below the floor; unknown says nothing', () => {
    const battery = (healthPercent: number | null) => doc({ battery: { manufacturer: null, model: null, serial: null, chemistry: null, capacityUnit: null, designCapacity: null, fullCapacity: null, cycleCount: null, healthPercent } });
    expect(verdict(batteryHealthCheck.evaluate(inputs({ inventory: battery(40) }))[0]!)).toBe('bad');
    expect(verdict(batteryHealthCheck.evaluate(inputs({ inventory: battery(90) }))[0]!)).toBe('clear');
    expect(batteryHealthCheck.evaluate(inputs({ inventory: battery(null) }))).toEqual([]);
  });

  it('smart-failing: per disk serial, critical; unknown status skipped', () => {
    const disk = (serial: string, smartStatus: 'ok' | 'failing' | 'unknown') => ({ device: '/dev/x', model: 'M', serial, sizeBytes: 1, type: null, interface: null, smartStatus });
    const out = smartFailingCheck.evaluate(inputs({ inventory: doc({ disks: [disk('A', 'failing'), disk('B', 'ok'), disk('C', 'unknown')] }) }));
    expect(out.map((r) => [r.subject, verdict(r), r.severity])).toEqual([['A', 'bad', 'critical'], ['B', 'clear', 'critical']]);
  });

  it('antivirus: off is critical, out of date a warning, unknown nothing', () => {
    const av = (enabled: boolean | null, upToDate: boolean | null) => security({ antivirus: [{ name: 'Defender', enabled, upToDate }] });
    expect(antivirusCheck.evaluate(inputs({ inventory: av(false, null) })).map((r) => [verdict(r), r.severity])).toEqual([['bad', 'critical']]);
    expect(antivirusCheck.evaluate(inputs({ inventory: av(true, false) })).map((r) => [verdict(r), r.severity])).toEqual([['bad', 'warning']]);
    expect(antivirusCheck.evaluate(inputs({ inventory: av(true, true) })).map(verdict)).toEqual(['clear']);
    expect(antivirusCheck.evaluate(inputs({ inventory: av(null, null) }))).toEqual([]);
    expect(antivirusCheck.evaluate(inputs({ inventory: security({ antivirus: [] }) })).map(verdict)).toEqual(['bad']);
  });

  it('antivirus: definitions fields do not change the verdict (no age threshold in the policy)', () => {
    const old = { definitionsVersion: '1.381.2140.0', definitionsUpdatedAt: '2020-01-01T00:00:00Z' };
    const av = (upToDate: boolean | null) => security({ antivirus: [{ name: 'Defender', enabled: true, upToDate, ...old }] });
    expect(antivirusCheck.evaluate(inputs({ inventory: av(null) })).map(verdict)).toEqual(['clear']);
    expect(antivirusCheck.evaluate(inputs({ inventory: av(true) })).map(verdict)).toEqual(['clear']);
    expect(antivirusCheck.evaluate(inputs({ inventory: av(false) })).map((r) => [verdict(r), r.severity])).toEqual([['bad', 'warning']]);
  });

  it('firewall: off is bad, unknown nothing', () => {
    expect(firewallCheck.evaluate(inputs({ inventory: security({ firewallEnabled: false }) })).map(verdict)).toEqual(['bad']);
    expect(firewallCheck.evaluate(inputs({ inventory: security({ firewallEnabled: true }) })).map(verdict)).toEqual(['clear']);
    expect(firewallCheck.evaluate(inputs({ inventory: security({}) }))).toEqual([]);
  });

  it('reboot-pending: bad only when pending longer than the policy allows', () => {
    const pending = security({ rebootPending: true });
    expect(verdict(rebootPendingCheck.evaluate(inputs({ inventory: pending, rebootPendingSince: T0 - 3 * DAY }))[0]!)).toBe('clear');
    expect(verdict(rebootPendingCheck.evaluate(inputs({ inventory: pending, rebootPendingSince: T0 - 8 * DAY }))[0]!)).toBe('bad');
    expect(verdict(rebootPendingCheck.evaluate(inputs({ inventory: security({ rebootPending: false }) }))[0]!)).toBe('clear');
  });

  it('uptime: bad beyond uptimeDaysMax', () => {
    expect(verdict(uptimeCheck.evaluate(inputs({ metrics: { ...metrics, uptimeSeconds: 31 * 86_400 } }))[0]!)).toBe('bad');
    expect(verdict(uptimeCheck.evaluate(inputs({ metrics: { ...metrics, uptimeSeconds: 2 * 86_400 } }))[0]!)).toBe('clear');
  });
});
