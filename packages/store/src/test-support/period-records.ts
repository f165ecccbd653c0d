// Test support only: tickets and alerts with sensible defaults, for the repository tests.
import { newId } from '@deskside/protocol';
import type { AlertRow } from '../alerts/alert-types.js';
import type { NewTicket } from '../tickets/ticket-types.js';
import { T0 } from './records.js';

export function aTicket(overrides: Partial<NewTicket> = {}): NewTicket {
  return {
    id: newId(),
    subject: 'Printer jams',
    description: 'Every page',
    category: 'printer',
    impact: 'low',
    urgency: 'medium',
    priority: 'P4',
    status: 'new',
    tier: 1,
    assigneeId: null,
    requester: { name: 'Alice', username: 'alice', email: null },
    deviceId: null,
    siteId: 'site-1',
    network: null,
    source: 'agent',
    channel: 'tray',
    createdAt: T0,
    updatedAt: T0,
    firstResponseAt: null,
    resolvedAt: null,
    closedAt: null,
    slaPauses: [],
    firstResponseBreachedAt: null,
    resolutionBreachedAt: null,
    timeSpentMinutes: 0,
    mergedIntoId: null,
    incidentId: null,
    linkedAlertIds: [],
    diagnostics: null,
    ...overrides,
  };
}

/** An open alert of `deviceId`; each call gets its own subject, so many can be open at once. */
export function anAlert(deviceId: string, overrides: Partial<AlertRow> = {}): AlertRow {
  const id = newId();
  return {
    id,
    deviceId,
    check: 'disk-free',
    subject: `disk-${id}`,
    source: 'agent',
    severity: 'warning',
    state: 'open',
    message: 'disk almost full',
    value: 4,
    threshold: 10,
    raisedAt: T0,
    updatedAt: T0,
    clearedAt: null,
    acknowledgedAt: null,
    acknowledgedBy: null,
    snoozedUntil: null,
    resolvedAt: null,
    resolvedBy: null,
    flapping: false,
    occurrences: 1,
    ticketId: null,
    notified: false,
    ...overrides,
  };
}
