import { newId, type DeviceStatus, type Ticket, type WebhookBody, type WebhookEventName } from '@deskside/protocol';
import type { Store, TicketRecord } from '@deskside/store';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../log/logger.js';
import { toAlert } from '../alerts/alert-presenter.js';

/** One thing that happened, as integrations see it: a webhook body without its delivery fields. */
export type HubEvent = Omit<WebhookBody, 'id' | 'test'> & { id: string; event: WebhookEventName; siteId: string };

export interface HubEventsDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  /** Tickets as the API answers them. */
  presentTickets(records: readonly TicketRecord[]): Promise<Ticket[]>;
}

/**
 * Turns what the services report (these tickets / alerts changed, a device enrolled, went
 * unreachable, was merged) into integration events, read back from the committed ticket and alert
 * histories so each event is named once: ticket created / updated / resolved, SLA breached, alert
 * raised / resolved, device enrolled / unreachable / merged. Listeners: metrics and webhooks.
 */
export interface HubEvents {
  ticketsChanged(ids: readonly string[]): void;
  alertsChanged(ids: readonly string[]): void;
  deviceEnrolled(deviceId: string): void;
  deviceStatus(deviceId: string, status: DeviceStatus): void;
  deviceMerged(from: { id: string; hostname: string; siteId: string }, intoId: string): void;
  subscribe(listener: (event: HubEvent) => void): () => void;
  /** Resolves when what was reported so far has been turned into events. */
  settle(): Promise<void>;
}

/** History events already turned into integration events (bounded). */
const SEEN_MAX = 20_000;

export function createHubEvents(deps: HubEventsDeps): HubEvents {
  const listeners = new Set<(event: HubEvent) => void>();
  const startedAt = deps.clock().getTime();
  const seen = new Set<string>();
  let chain: Promise<void> = Promise.resolve();
  const fresh = (id: string, at: Date): boolean => {
    if (at.getTime() < startedAt || seen.has(id)) return false;
    seen.add(id);
    if (seen.size > SEEN_MAX) seen.delete(seen.values().next().value ?? '');
    return true;
  };
  const emit = (event: Omit<HubEvent, 'id' | 'occurredAt'> & { occurredAt?: string }): void => {
    const full = { id: newId(deps.clock().getTime()), occurredAt: deps.clock().toISOString(), ...event } as HubEvent;
    for (const listener of listeners) {
      try {
        listener(full);
      } catch (err) {
        deps.logger.warn('integration event listener failed', { event: full.event, err: String(err) });
      }
    }
  };
  const queue = (what: string, work: () => Promise<void>): void => {
    chain = chain.then(work).catch((err: unknown) => deps.logger.warn('integration events: could not read back a change', { what, err: String(err) }));
  };
  const device = async (id: string) => {
    const d = await deps.store.devices.findById(id);
    return d && { id: d.id, hostname: d.hostname, siteId: d.siteId, lastSeenAt: d.lastSeenAt };
  };

  return {
    ticketsChanged(ids) {
      queue('tickets', async () => {
        const history = (await deps.store.ticketEvents.listForTickets(ids)).filter((e) => fresh(e.id, new Date(e.at)));
        if (history.length === 0) return;
        const records = await deps.store.tickets.findMany([...new Set(history.map((e) => e.ticketId))]);
        const tickets = new Map((await deps.presentTickets(records)).map((t) => [t.id, t]));
        for (const ticket of tickets.values()) {
          const mine = history.filter((e) => e.ticketId === ticket.id);
          const base = { siteId: ticket.siteId, data: { ticket } };
          for (const e of mine.filter((x) => x.type === 'sla-breached')) {
            emit({ event: 'sla.breached', siteId: ticket.siteId, data: { ticket, target: e.to === 'first-response' || e.to === 'resolution' ? e.to : null } });
          }
          if (mine.some((e) => e.type === 'created')) emit({ event: 'ticket.created', ...base });
          else if (mine.some((e) => e.type === 'status-changed' && e.to === 'resolved')) emit({ event: 'ticket.resolved', ...base });
          else if (mine.some((e) => e.type !== 'sla-breached')) emit({ event: 'ticket.updated', ...base });
        }
      });
    },
    alertsChanged(ids) {
      queue('alerts', async () => {
        const history = (await deps.store.alerts.eventsForAlerts(ids)).filter((e) => fresh(e.id, e.at));
        const raised = new Set(history.filter((e) => e.action === 'raised' || e.action === 'reopened').map((e) => e.alertId));
        const resolved = new Set(history.filter((e) => e.action === 'resolved' || e.action === 'cleared').map((e) => e.alertId));
        if (raised.size + resolved.size === 0) return;
        for (const record of await deps.store.alerts.findMany([...new Set([...raised, ...resolved])])) {
          const alert = toAlert(record);
          if (raised.has(record.id)) emit({ event: 'alert.raised', siteId: record.siteId, data: { alert } });
          if (resolved.has(record.id) && !raised.has(record.id)) emit({ event: 'alert.resolved', siteId: record.siteId, data: { alert } });
        }
      });
    },
    deviceEnrolled(deviceId) {
      queue('enrolment', async () => {
        const d = await device(deviceId);
        if (d) emit({ event: 'device.enrolled', siteId: d.siteId, data: { device: { id: d.id, hostname: d.hostname, siteId: d.siteId } } });
      });
    },
    deviceStatus(deviceId, status) {
      if (status !== 'unreachable') return;
      queue('presence', async () => {
        const d = await device(deviceId);
        if (d) emit({ event: 'device.unreachable', siteId: d.siteId, data: { device: { id: d.id, hostname: d.hostname, siteId: d.siteId }, lastSeen: d.lastSeenAt?.toISOString() ?? null } });
      });
    },
    deviceMerged(from, intoId) {
      queue('merge', async () => {
        const into = await device(intoId);
        if (!into) return;
        emit({ event: 'device.merged', siteId: into.siteId, data: { device: { id: from.id, hostname: from.hostname, siteId: from.siteId }, into: { id: into.id, hostname: into.hostname, siteId: into.siteId } } });
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    settle: () => chain,
  };
}
