import type { Alert } from '@deskside/protocol';

let counter = 0;

/** A valid open Alert for unit tests; ids are deterministic ULIDs. */
export function makeAlert(overrides: Partial<Alert> = {}): Alert {
  counter += 1;
  return {
    id: `01JA000000000000000000${String(counter).padStart(4, '0')}`,
    deviceId: '01J00000000000000000000001',
    hostname: 'pc-1',
    check: 'disk-free',
    subject: 'C:',
    source: 'agent',
    severity: 'warning',
    state: 'open',
    message: 'Disk C: has 4 % free',
    value: 4,
    threshold: 10,
    raisedAt: '2026-03-10T12:00:00.000Z',
    updatedAt: '2026-03-10T12:00:00.000Z',
    clearedAt: null,
    acknowledgedAt: null,
    acknowledgedBy: null,
    snoozedUntil: null,
    resolvedAt: null,
    resolvedBy: null,
    flapping: false,
    occurrences: 1,
    ticketId: null,
    ...overrides,
  };
}
