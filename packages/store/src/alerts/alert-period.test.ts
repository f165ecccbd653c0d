import { newId } from '@deskside/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_PARAMS_PER_STATEMENT } from '../mapping/chunk.js';
import { anAlert } from '../test-support/period-records.js';
import { aDevice, aSite } from '../test-support/records.js';
import { openTempStore, type TempStore } from '../test-support/temp-store.js';
import type { AlertAction, AlertRow } from './alert-types.js';

// The report of March 2026 (UTC); an alert raised in 2024 and never resolved belongs in it.
const start = new Date('2026-03-01T00:00:00Z');
const end = new Date('2026-04-01T00:00:00Z');
const iso = (s: string) => new Date(s);

let temp: TempStore;
let main: { siteId: string; deviceId: string };
let branch: { siteId: string; deviceId: string };
beforeEach(async () => {
  temp = await openTempStore();
  const place = async (hostname: string) => {
    const site = aSite({ name: hostname });
    await temp.store.sites.create(site);
    const device = aDevice(site.id, { hostname, machineId: newId() });
    await temp.store.devices.create(device);
    return { siteId: site.id, deviceId: device.id };
  };
  main = await place('PC-MAIN');
  branch = await place('PC-BRANCH');
});
afterEach(() => temp.cleanup());

async function seed(alerts: Record<string, Partial<AlertRow>>, deviceId = main.deviceId): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const [name, overrides] of Object.entries(alerts)) {
    const a = anAlert(deviceId, overrides);
    await temp.store.alerts.insert(a);
    ids.set(a.id, name);
  }
  return ids;
}

const resolved = (raised: string, at: string): Partial<AlertRow> => ({ raisedAt: iso(raised), updatedAt: iso(at), state: 'resolved', clearedAt: iso(at), resolvedAt: iso(at) });

describe('alerts.listForPeriod', () => {
  it('takes alerts raised before the end and not resolved before the start, newest raised first', async () => {
    const ids = await seed({
      raisedAtEnd: { raisedAt: end, updatedAt: end },
      raisedJustBeforeEnd: { raisedAt: iso('2026-03-31T23:59:59.999Z'), updatedAt: iso('2026-03-31T23:59:59.999Z') },
      resolvedAtStart: resolved('2026-02-20T10:00:00Z', '2026-03-01T00:00:00Z'),
      resolvedJustBeforeStart: resolved('2026-02-20T11:00:00Z', '2026-02-28T23:59:59.999Z'),
      // Open since 2024 and untouched since: still live in March 2026.
      openSince2024: { raisedAt: iso('2024-05-01T08:00:00Z'), updatedAt: iso('2024-05-01T08:00:00Z') },
      snoozedSince2025: { raisedAt: iso('2025-01-01T08:00:00Z'), updatedAt: iso('2025-01-02T08:00:00Z'), state: 'snoozed', snoozedUntil: iso('2026-06-01T00:00:00Z') },
      resolvedInPeriod: resolved('2026-03-10T10:00:00Z', '2026-03-11T10:00:00Z'),
      raisedAfter: { raisedAt: iso('2026-04-02T00:00:00Z'), updatedAt: iso('2026-04-02T00:00:00Z') },
    });
    const listed = await temp.store.alerts.listForPeriod({ start, end, limit: 100 });
    expect(listed.map((a) => ids.get(a.id))).toEqual(['raisedJustBeforeEnd', 'resolvedInPeriod', 'resolvedAtStart', 'snoozedSince2025', 'openSince2024']);
    expect(listed[0]).toMatchObject({ hostname: 'PC-MAIN', siteId: main.siteId, state: 'open' });
  });

  it('keeps to the sites of the devices; none given or an empty list means every site', async () => {
    const ids = new Map([...(await seed({ mainAlert: { raisedAt: iso('2026-03-02T00:00:00Z') } })), ...(await seed({ branchAlert: { raisedAt: iso('2026-03-03T00:00:00Z') } }, branch.deviceId))]);
    const names = async (siteIds?: string[]) => (await temp.store.alerts.listForPeriod({ start, end, limit: 100, ...(siteIds ? { siteIds } : {}) })).map((a) => ids.get(a.id));
    expect(await names([branch.siteId])).toEqual(['branchAlert']);
    expect(await names([main.siteId])).toEqual(['mainAlert']);
    expect(await names([newId()])).toEqual([]);
    expect(await names([])).toEqual(['branchAlert', 'mainAlert']);
    expect(await names()).toEqual(['branchAlert', 'mainAlert']);
  });

  it('stops at the limit, keeping the newest raised', async () => {
    const ids = await seed({ old: { raisedAt: iso('2025-01-01T00:00:00Z') }, recent: { raisedAt: iso('2026-03-05T00:00:00Z') }, middle: { raisedAt: iso('2026-02-01T00:00:00Z') } });
    expect((await temp.store.alerts.listForPeriod({ start, end, limit: 2 })).map((a) => ids.get(a.id))).toEqual(['recent', 'middle']);
  });
});

describe('alerts.eventsForAlerts', () => {
  const event = (alertId: string, at: string, action: AlertAction, id = newId()) =>
    temp.store.alerts.appendEvent({ id, alertId, at: iso(at), actorType: 'agent', actorId: null, actorName: 'PC-MAIN', action, details: null });

  it('answers the history of many alerts at once, oldest first across alerts, the id breaking ties', async () => {
    const [a, b, other] = [anAlert(main.deviceId), anAlert(main.deviceId), anAlert(branch.deviceId)];
    for (const x of [a, b, other]) await temp.store.alerts.insert(x);
    const [tieFirst, tieSecond] = [newId(1), newId(2)];
    await event(a.id, '2026-03-02T00:00:00Z', 'cleared');
    await event(b.id, '2026-03-01T12:00:00Z', 'raised', tieSecond);
    await event(a.id, '2026-03-01T00:00:00Z', 'raised');
    await event(a.id, '2026-03-01T12:00:00Z', 'acknowledged', tieFirst);
    await event(other.id, '2026-03-01T06:00:00Z', 'raised');
    const events = await temp.store.alerts.eventsForAlerts([a.id, b.id]);
    expect(events.map((e) => [e.alertId === a.id ? 'a' : 'b', e.action])).toEqual([
      ['a', 'raised'],
      ['a', 'acknowledged'],
      ['b', 'raised'],
      ['a', 'cleared'],
    ]);
    expect(events[0]).toMatchObject({ actorType: 'agent', actorName: 'PC-MAIN', at: iso('2026-03-01T00:00:00Z') });
  });

  it('reads past one statement of ids, and answers nothing for none', async () => {
    const a = anAlert(main.deviceId);
    await temp.store.alerts.insert(a);
    await event(a.id, '2026-03-01T00:00:00Z', 'raised');
    const unknown = Array.from({ length: MAX_PARAMS_PER_STATEMENT + 10 }, () => newId());
    expect((await temp.store.alerts.eventsForAlerts([...unknown, a.id, a.id])).map((e) => e.alertId)).toEqual([a.id]);
    expect(await temp.store.alerts.eventsForAlerts([])).toEqual([]);
  });
});
