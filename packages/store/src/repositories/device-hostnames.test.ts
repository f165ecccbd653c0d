import { newId } from '@deskside/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_PARAMS_PER_STATEMENT } from '../mapping/chunk.js';
import { aDevice, aSite, T0 } from '../test-support/records.js';
import { openTempStore, type TempStore } from '../test-support/temp-store.js';

let temp: TempStore;
beforeEach(async () => {
  temp = await openTempStore();
});
afterEach(() => temp.cleanup());

describe('devices.hostnames', () => {
  it('answers the hostnames of known devices, revoked ones too, past one statement of ids', async () => {
    const site = aSite();
    await temp.store.sites.create(site);
    const [kept, revoked] = [aDevice(site.id, { hostname: 'PC-KEPT' }), aDevice(site.id, { hostname: 'PC-GONE', machineId: newId() })];
    for (const d of [kept, revoked]) await temp.store.devices.create(d);
    await temp.store.devices.revoke(revoked.id, T0);
    const unknown = Array.from({ length: MAX_PARAMS_PER_STATEMENT + 10 }, () => newId());
    const answered = await temp.store.devices.hostnames([kept.id, ...unknown, revoked.id, kept.id]);
    expect(answered.sort((x, y) => x.hostname.localeCompare(y.hostname))).toEqual([
      { id: revoked.id, hostname: 'PC-GONE' },
      { id: kept.id, hostname: 'PC-KEPT' },
    ]);
    expect(await temp.store.devices.hostnames([])).toEqual([]);
  });
});
