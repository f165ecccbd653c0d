import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aDevice, aSite } from '../test-support/records.js';
import { planOf as planIn } from '../test-support/query-plan.js';
import { openTempStore, type TempStore } from '../test-support/temp-store.js';

let temp: TempStore;
beforeEach(async () => {
  temp = await openTempStore();
});
afterEach(() => temp.cleanup());

const planOf = (query: string): string => planIn(temp.dir, query);

describe('0008-fleet-order-plan', () => {
  it('walks the fleet in hostname order through devices_fleet_order, seeking to the cursor, with no sort', () => {
    const page =
      "select devices.* from devices left join device_assets on device_assets.device_id = devices.id where devices.revoked_at is null and devices.approval = 'active' " +
      "and lower(devices.hostname) >= lower('pc-5') and (lower(devices.hostname), devices.hostname, devices.id) > (lower('pc-5'), 'pc-5', 'x') " +
      'order by lower(devices.hostname), devices.hostname, devices.id limit 500';
    const plan = planOf(page);
    expect(plan).toContain('SEARCH devices USING INDEX devices_fleet_order (<expr>>?)');
    expect(plan).not.toContain('TEMP B-TREE');
  });

  it('still finds quarantined devices by index', () => {
    expect(planOf("select id from devices where approval = 'pending-approval' and revoked_at is null")).toContain('devices_pending_approval');
  });

  it('pages the whole fleet through the store in order, every device once', async () => {
    const site = aSite();
    await temp.store.sites.create(site);
    const names = ['b', 'A', 'a', 'C', 'c', 'B'].flatMap((n) => [`${n}-1`, `${n}-2`]);
    for (const hostname of names) await temp.store.devices.create(aDevice(site.id, { hostname }));
    const seen: string[] = [];
    let after: { hostname: string; id: string } | null = null;
    for (;;) {
      const page = await temp.store.assets.page({}, after, 5);
      seen.push(...page.map((r) => r.device.hostname));
      const last = page.at(-1);
      if (page.length < 5 || !last) break;
      after = { hostname: last.device.hostname, id: last.device.id };
    }
    expect(seen).toHaveLength(names.length);
    expect(new Set(seen)).toEqual(new Set(names));
    expect(seen.map((h) => h.toLowerCase())).toEqual([...seen].map((h) => h.toLowerCase()).sort());
  });
});
