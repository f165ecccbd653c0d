import { newId } from '@deskside/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aDevice, aSite, at, T0 } from '../test-support/records.js';
import { openTempStore, type TempStore } from '../test-support/temp-store.js';
import type { AgentReleaseRecord } from './release-types.js';

let temp: TempStore;
beforeEach(async () => {
  temp = await openTempStore();
});
afterEach(() => temp.cleanup());

const release = (version: string, issuedMin: number, overrides: Partial<AgentReleaseRecord> = {}): AgentReleaseRecord => ({
  id: newId(),
  channel: 'stable',
  version,
  rollback: false,
  issuedAt: at(issuedMin * 60_000),
  expiresAt: at(30 * 24 * 3600_000),
  keyId: '0123456789abcdef',
  signed: `{"manifest":"${version}"}`,
  state: 'paused',
  pilotGroupIds: [],
  percent: 0,
  siteIds: [],
  createdBy: 'admin',
  createdAt: T0,
  updatedAt: T0,
  ...overrides,
});

describe('agent releases', () => {
  it('keeps releases newest issued first, offers only rolling unexpired ones of the channel, and refuses the same issue twice', async () => {
    const old = release('1.0.0', 1, { state: 'rolling' });
    const next = release('1.1.0', 2, { rollback: true, pilotGroupIds: [newId()], siteIds: [newId()] });
    const expired = release('1.2.0', 3, { state: 'rolling', expiresAt: at(60_000) });
    const beta = release('1.3.0-beta.1', 4, { channel: 'beta', state: 'rolling' });
    for (const r of [old, next, expired, beta]) await temp.store.agentReleases.create(r);
    expect((await temp.store.agentReleases.list()).map((r) => r.version)).toEqual(['1.3.0-beta.1', '1.2.0', '1.1.0', '1.0.0']);
    expect(await temp.store.agentReleases.findById(next.id)).toEqual(next);
    expect((await temp.store.agentReleases.offered('stable', at(120_000))).map((r) => r.version)).toEqual(['1.0.0']);
    expect((await temp.store.agentReleases.findByIssue('stable', '1.1.0', next.issuedAt))?.id).toBe(next.id);
    await expect(temp.store.agentReleases.create({ ...next, id: newId() })).rejects.toThrow();

    const widened = await temp.store.agentReleases.updateRollout(next.id, { state: 'rolling', percent: 25 }, at(5));
    expect(widened).toMatchObject({ state: 'rolling', percent: 25, pilotGroupIds: next.pilotGroupIds, updatedAt: at(5) });
    expect((await temp.store.agentReleases.offered('stable', at(120_000))).map((r) => r.version)).toEqual(['1.1.0', '1.0.0']);
    expect(await temp.store.agentReleases.updateRollout(newId(), { state: 'paused' }, at(6))).toBeUndefined();
  });

  it('counts the version each device last reported', async () => {
    const site = aSite();
    await temp.store.sites.create(site);
    const devices = [aDevice(site.id), aDevice(site.id), aDevice(site.id)];
    for (const d of devices) await temp.store.devices.create(d);
    await temp.store.agentReleases.reportVersion(devices[0]!.id, 'stable', '1.0.0', at(1));
    await temp.store.agentReleases.reportVersion(devices[1]!.id, 'stable', '1.0.0', at(1));
    await temp.store.agentReleases.reportVersion(devices[2]!.id, 'stable', '1.0.0', at(1));
    await temp.store.agentReleases.reportVersion(devices[2]!.id, 'stable', '1.1.0', at(2));
    expect(await temp.store.agentReleases.versionCounts()).toEqual([
      { channel: 'stable', version: '1.0.0', devices: 2 },
      { channel: 'stable', version: '1.1.0', devices: 1 },
    ]);
  });
});
