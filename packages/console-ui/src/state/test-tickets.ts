import type { Ticket } from '@deskside/protocol';

let counter = 0;

/** A valid new Ticket for unit tests; ids are deterministic ULIDs. */
export function makeTicket(overrides: Partial<Ticket> = {}): Ticket {
  counter += 1;
  const n = String(counter).padStart(4, '0');
  return {
    id: `01JT000000000000000000${n}`,
    number: 1000 + counter,
    subject: 'Printer offline',
    description: 'The printer on floor 2 does not print.',
    category: 'printer',
    impact: 'medium',
    urgency: 'medium',
    priority: 'P3',
    status: 'new',
    tier: 1,
    assigneeId: null,
    assigneeName: null,
    requester: { name: 'Ana Silva', username: 'ana', email: null },
    deviceId: '01J00000000000000000000001',
    hostname: 'pc-1',
    siteId: '01JS0000000000000000000001',
    source: 'agent',
    channel: 'tray',
    createdAt: '2026-03-10T12:00:00.000Z',
    updatedAt: '2026-03-10T12:00:00.000Z',
    firstResponseAt: null,
    resolvedAt: null,
    closedAt: null,
    sla: { firstResponseDueAt: '2026-03-10T16:00:00.000Z', resolutionDueAt: '2026-03-13T12:00:00.000Z', state: 'ok' },
    timeSpentMinutes: 0,
    mergedIntoId: null,
    incidentId: null,
    linkedAlertIds: [],
    attachments: [],
    hasDiagnostics: false,
    ...overrides,
  };
}
