import type { ActivityReport, TicketCategory } from '@deskside/protocol';

/** A device with this many tickets opened in the period is a recurring problem. */
export const RECURRING_DEVICE_MIN_TICKETS = 3;
const MAX_DEVICES = 100;
const MAX_CHECKS = 50;
const MAX_TOP_DEVICES = 20;

/** Alert history actions that count as the problem occurring (again). */
export const OCCURRENCE_ACTIONS: ReadonlySet<string> = new Set(['raised', 'reopened']);

export interface OpenedTicket {
  category: TicketCategory;
  deviceId: string | null;
}

/** One occurrence of an alert's condition: raised, or back after clearing (a snooze ending on a live condition too). */
export interface AlertOccurrence {
  deviceId: string;
  check: string;
}

type Recurring = ActivityReport['recurring'];

/**
 * Recurring problems of a period: categories by tickets opened (and on how many devices), devices
 * with at least RECURRING_DEVICE_MIN_TICKETS tickets, alert checks by how many devices raised them
 * then how often; and the devices with the most tickets plus alert occurrences.
 */
export function recurringProblems(
  opened: readonly OpenedTicket[],
  occurrences: readonly AlertOccurrence[],
  hostname: (deviceId: string) => string,
): { recurring: Recurring; topDevices: ActivityReport['topDevices'] } {
  const categories = new Map<TicketCategory, { tickets: number; devices: Set<string> }>();
  const devices = new Map<string, { tickets: number; categories: Set<TicketCategory>; alerts: number }>();
  const device = (id: string) => {
    let d = devices.get(id);
    if (!d) devices.set(id, (d = { tickets: 0, categories: new Set(), alerts: 0 }));
    return d;
  };
  for (const t of opened) {
    let c = categories.get(t.category);
    if (!c) categories.set(t.category, (c = { tickets: 0, devices: new Set() }));
    c.tickets++;
    if (t.deviceId === null) continue;
    c.devices.add(t.deviceId);
    const d = device(t.deviceId);
    d.tickets++;
    d.categories.add(t.category);
  }
  const checks = new Map<string, { occurrences: number; devices: Set<string> }>();
  for (const o of occurrences) {
    let c = checks.get(o.check);
    if (!c) checks.set(o.check, (c = { occurrences: 0, devices: new Set() }));
    c.occurrences++;
    c.devices.add(o.deviceId);
    device(o.deviceId).alerts++;
  }

  const deviceRows = [...devices].map(([deviceId, d]) => ({ deviceId, hostname: hostname(deviceId), ...d }));
  const byName = (a: { hostname: string }, b: { hostname: string }) => a.hostname.localeCompare(b.hostname);
  return {
    recurring: {
      categories: [...categories]
        .map(([category, c]) => ({ category, tickets: c.tickets, devices: c.devices.size }))
        .sort((a, b) => b.tickets - a.tickets || a.category.localeCompare(b.category)),
      deviceThreshold: RECURRING_DEVICE_MIN_TICKETS,
      devices: deviceRows
        .filter((d) => d.tickets >= RECURRING_DEVICE_MIN_TICKETS)
        .sort((a, b) => b.tickets - a.tickets || byName(a, b))
        .slice(0, MAX_DEVICES)
        .map((d) => ({ deviceId: d.deviceId, hostname: d.hostname, tickets: d.tickets, categories: [...d.categories].sort() })),
      checks: [...checks]
        .map(([check, c]) => ({ check, devices: c.devices.size, occurrences: c.occurrences }))
        .sort((a, b) => b.devices - a.devices || b.occurrences - a.occurrences || a.check.localeCompare(b.check))
        .slice(0, MAX_CHECKS),
    },
    topDevices: deviceRows
      .sort((a, b) => b.tickets + b.alerts - (a.tickets + a.alerts) || b.tickets - a.tickets || byName(a, b))
      .slice(0, MAX_TOP_DEVICES)
      .map((d) => ({ deviceId: d.deviceId, hostname: d.hostname, tickets: d.tickets, alerts: d.alerts })),
  };
}
