// Incidents and merges never cross what a person may read: the site of a technician, the thread of an employee.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { agentCreates, agentReplies, KNOWN_ALERT, kitDevice, ticketKit, type TicketKit } from './ticket-test-kit.js';

let kit: TicketKit;
beforeEach(async () => {
  kit = await ticketKit();
});
afterEach(() => kit.cleanup());

describe('incidents and sites', () => {
  it('never groups tickets of two sites, even from the same /24 the agents report', async () => {
    const ids: string[] = [];
    for (const [i, siteId] of [kit.siteId, kit.otherSiteId, kit.otherSiteId, kit.siteId].entries()) {
      ids.push((await agentCreates(kit, await kitDevice(kit, siteId, `NET-${i}`, `192.168.1.${10 + i}`), { category: 'email' })).ticketId);
    }
    // Two reporters per site: below the threshold in each; nothing is grouped.
    expect(await kit.service.incidents.list(kit.tech)).toEqual([]);
    ids.push((await agentCreates(kit, await kitDevice(kit, kit.otherSiteId, 'NET-4', '192.168.1.99'), { category: 'email' })).ticketId);
    const incidents = await kit.service.incidents.list(kit.tech);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ siteId: kit.otherSiteId });
    const sites = await kit.store.tickets.findMany(incidents[0]?.ticketIds ?? []);
    expect(new Set(sites.map((t) => t.siteId))).toEqual(new Set([kit.otherSiteId]));
  });

  it('scopes reply-all and resolve-all to the tickets the actor may see, and finishes them all', async () => {
    // An incident that mixes sites (as older hubs made them): the scoped technician works their part only.
    const mine: string[] = [];
    for (const i of [0, 1, 2]) mine.push((await agentCreates(kit, await kitDevice(kit, kit.siteId, `A-${i}`, `10.9.0.${i + 1}`), { category: 'network' })).ticketId);
    const [incident] = await kit.service.incidents.list(kit.tech);
    if (!incident) throw new Error('no incident');
    const theirs = (await agentCreates(kit, await kitDevice(kit, kit.otherSiteId, 'B-0'), { category: 'network' })).ticketId;
    await kit.store.tickets.update(theirs, { incidentId: incident.id });
    const scoped = { ...kit.tech, siteIds: [kit.siteId] };
    expect((await kit.service.incidents.list(scoped))[0]?.ticketIds.sort()).toEqual([...mine].sort());
    await kit.service.incidents.reply(scoped, incident.id, 'We are on it.');
    const resolved = await kit.service.incidents.resolve(scoped, incident.id, 'Fixed the switch.');
    for (const id of mine) expect((await kit.store.tickets.findById(id))?.status).toBe('resolved');
    // The other site's ticket is untouched, so the incident stays open for its technicians.
    expect((await kit.store.tickets.findById(theirs))?.status).toBe('new');
    expect(resolved.status).toBe('open');
    const other = { ...kit.tech, siteIds: [kit.otherSiteId] };
    await expect(kit.service.incidents.reply(other, incident.id, 'x')).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('merging tickets of two employees', () => {
  it("never puts A's later words in B's public thread or B's tray", async () => {
    const pcA = await kitDevice(kit, kit.siteId, 'PC-A');
    const pcB = await kitDevice(kit, kit.siteId, 'PC-B');
    const a = await agentCreates(kit, pcA, { requester: { name: 'Alice', username: 'alice', email: null } });
    const b = await agentCreates(kit, pcB, { requester: { name: 'Bob', username: 'bob', email: null } });
    await kit.service.actions.merge(kit.tech, a.ticketId, b.ticketId);
    const landed = await agentReplies(kit, pcA, { ticketId: a.ticketId, body: 'My salary slip is attached, password 1234', sentAt: new Date().toISOString() });
    expect(landed).not.toBe(b.ticketId);
    expect((await kit.store.tickets.findById(landed))?.deviceId).toBe(pcA);
    const bTray = await kit.service.queries.mine(pcB);
    expect(JSON.stringify(bTray)).not.toContain('salary');
    expect(kit.pushed.filter((p) => p.deviceId === pcB).map((p) => JSON.stringify(p.ticket)).join('')).not.toContain('salary');
    const bThread = (await kit.service.queries.detail(kit.tech, b.ticketId)).events.filter((e) => e.ticketId === b.ticketId && e.visibility === 'public');
    expect(JSON.stringify(bThread)).not.toContain('salary');
  });

  it('still follows a merge between two tickets of the same employee and device', async () => {
    const first = await agentCreates(kit, kit.deviceId);
    const second = await agentCreates(kit, kit.deviceId);
    await kit.service.actions.merge(kit.tech, first.ticketId, second.ticketId);
    expect(await agentReplies(kit, kit.deviceId, { ticketId: first.ticketId, body: 'still broken', sentAt: new Date().toISOString() })).toBe(second.ticketId);
  });
});

describe('linking alerts', () => {
  it("never links (or reveals) an alert of a site the technician does not see, nor across sites", async () => {
    const withAlerts = await ticketKit({ withAlerts: true });
    try {
      // KNOWN_ALERT is about the kit's device, in the kit's first site.
      const elsewhere = await agentCreates(withAlerts, await kitDevice(withAlerts, withAlerts.otherSiteId, 'PC-B'));
      const scoped = { ...withAlerts.tech, siteIds: [withAlerts.otherSiteId] };
      await expect(withAlerts.service.actions.linkAlert(scoped, elsewhere.ticketId, KNOWN_ALERT)).rejects.toMatchObject({ code: 'not_found' });
      await expect(withAlerts.service.actions.linkAlert(withAlerts.tech, elsewhere.ticketId, KNOWN_ALERT)).rejects.toMatchObject({ code: 'conflict' });
      expect((await withAlerts.store.tickets.findById(elsewhere.ticketId))?.linkedAlertIds).toEqual([]);
    } finally {
      await withAlerts.cleanup();
    }
  });
});
