import type { ConsoleSocketData, Incident } from '@deskside/protocol';
import type { IncidentRecord, Repositories, TicketRecord } from '@deskside/store';
import { seesSite, siteFilter } from '../access/site-scope.js';
import { ServiceError } from '../service-error.js';
import type { TicketActions } from './ticket-actions.js';
import { writeChange } from './ticket-change.js';
import { SYSTEM_ACTOR, type TicketDeps } from './ticket-deps.js';

/** Several reports of one category within this window from one site or /24 are one incident. */
export const INCIDENT_WINDOW_MS = 30 * 60_000;
export const INCIDENT_THRESHOLD = 3;

/** "10.1.2.0/24" for an IPv4 address; null for anything else. */
export function networkOf(ip: string | null): string | null {
  const m = ip?.match(/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.\d{1,3}$/);
  if (!m || [m[1], m[2], m[3]].some((o) => Number(o) > 255)) return null;
  return `${m[1]}.${m[2]}.${m[3]}.0/24`;
}

/**
 * Groups `t` with the recent tickets of its category and site, from the same /24 (preferred:
 * narrower) or the whole site, once at least three reporters (devices) have written; joins an open
 * incident of the same site one of them is already in. Never across sites: the /24 is what agents
 * report (two clients' offices may both be 192.168.1.0/24), and an incident is read and worked by
 * the technicians of its site. Runs in the creating transaction; answers the ids of the tickets it changed.
 */
export async function correlateIn(tx: Repositories, deps: TicketDeps, t: TicketRecord, now: Date): Promise<string[]> {
  const recent = await tx.tickets.list({
    category: t.category,
    createdSince: new Date(now.getTime() - INCIDENT_WINDOW_MS),
    statuses: ['new', 'open', 'pending'],
    limit: 200,
  });
  const sameSite = recent.filter((r) => r.siteId === t.siteId);
  const sameNetwork = t.network === null ? [] : sameSite.filter((r) => r.network === t.network);
  const byNetwork = reporters(sameNetwork) >= INCIDENT_THRESHOLD;
  const group = byNetwork ? sameNetwork : reporters(sameSite) >= INCIDENT_THRESHOLD ? sameSite : [];
  if (group.length === 0) return [];

  let incident: IncidentRecord | undefined;
  for (const id of new Set(group.flatMap((r) => (r.incidentId ? [r.incidentId] : [])))) {
    const found = await tx.incidents.findById(id);
    if (found?.status === 'open' && found.siteId === t.siteId) incident = found;
  }
  if (!incident) {
    incident = { id: deps.newId(), category: t.category, siteId: t.siteId, network: byNetwork ? t.network : null, status: 'open', createdAt: now, resolvedAt: null };
    await tx.incidents.create(incident);
  }
  const changed: string[] = [];
  for (const r of group) {
    if (r.incidentId === incident.id || r.siteId !== incident.siteId) continue;
    const record = r.id === t.id ? t : r;
    await writeChange(tx, deps, record, SYSTEM_ACTOR, { incidentId: incident.id }, [
      { type: 'note', visibility: 'internal', body: `Grouped into an incident with ${group.length - 1} other ${t.category} report(s) ${byNetwork ? `from ${t.network ?? ''}` : 'from this site'}.` },
    ], now);
    changed.push(r.id);
  }
  return changed;
}

/** Several employees: one PC reporting three times is one reporter, not an incident. */
function reporters(tickets: readonly TicketRecord[]): number {
  return new Set(tickets.map((r) => r.deviceId ?? `requester:${r.requester.name}`)).size;
}

type User = Pick<ConsoleSocketData, 'userId' | 'role' | 'siteIds'>;

/** Incidents for technicians: list, answer every ticket at once, resolve every ticket at once. */
export function createIncidentService(deps: TicketDeps, actions: TicketActions) {
  /** The incident's tickets that `user` may see (older incidents may still mix sites). */
  const ticketsOf = async (user: User, id: string): Promise<TicketRecord[]> =>
    (await deps.store.tickets.list({ incidentId: id, limit: 500 })).filter((t) => seesSite(user, t.siteId));
  const present = async (user: User, i: IncidentRecord): Promise<Incident> => {
    const tickets = await ticketsOf(user, i.id);
    return {
      id: i.id,
      category: i.category,
      siteId: i.siteId,
      network: i.network,
      status: i.status,
      createdAt: i.createdAt.toISOString(),
      resolvedAt: i.resolvedAt?.toISOString() ?? null,
      ticketIds: tickets.map((t) => t.id),
    };
  };
  const visible = async (user: User, id: string): Promise<IncidentRecord> => {
    const i = await deps.store.incidents.findById(id);
    if (!i || !seesSite(user, i.siteId)) throw new ServiceError('not_found', 'No such incident.');
    return i;
  };
  const openTickets = async (user: User, id: string) => (await ticketsOf(user, id)).filter((t) => t.status !== 'closed');

  return {
    async list(user: User): Promise<Incident[]> {
      const scope = siteFilter(user);
      const all = await deps.store.incidents.list();
      return Promise.all(all.filter((i) => !scope || scope.includes(i.siteId)).map((i) => present(user, i)));
    },

    /** One public reply on every ticket of the incident that the actor sees and that is not closed. */
    async reply(user: User, id: string, body: string): Promise<Incident> {
      const incident = await visible(user, id);
      for (const t of await openTickets(user, id)) await actions.reply(user, t.id, body);
      return present(user, incident);
    },

    /**
     * Resolves every ticket the actor sees that is not yet resolved, with one note; the incident
     * itself is resolved once none of its tickets (whoever may see them) is still open.
     */
    async resolve(user: User, id: string, note: string): Promise<Incident> {
      const incident = await visible(user, id);
      if (incident.status === 'resolved') throw new ServiceError('conflict', 'This incident is already resolved.');
      for (const t of await openTickets(user, id)) if (t.status !== 'resolved') await actions.resolve(user, t.id, note);
      const left = (await deps.store.tickets.list({ incidentId: id, limit: 500 })).filter((t) => t.status !== 'closed' && t.status !== 'resolved');
      if (left.length > 0) return present(user, incident);
      await deps.store.incidents.resolve(id, deps.clock());
      return present(user, { ...incident, status: 'resolved', resolvedAt: deps.clock() });
    },
  };
}

export type IncidentService = ReturnType<typeof createIncidentService>;
