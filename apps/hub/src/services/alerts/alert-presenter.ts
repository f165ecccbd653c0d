import type { Alert, AlertEvent } from '@deskside/protocol';
import type { AlertEventRecord, AlertRecord } from '@deskside/store';

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

/** An alert row as technicians see it. */
export function toAlert(r: AlertRecord): Alert {
  return {
    id: r.id,
    deviceId: r.deviceId,
    hostname: r.hostname.slice(0, 255),
    check: r.check,
    subject: r.subject,
    source: r.source,
    severity: r.severity,
    state: r.state,
    message: r.message.slice(0, 1024),
    value: r.value,
    threshold: r.threshold,
    raisedAt: r.raisedAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    clearedAt: iso(r.clearedAt),
    acknowledgedAt: iso(r.acknowledgedAt),
    acknowledgedBy: r.acknowledgedBy === null ? null : r.acknowledgedBy.slice(0, 128),
    snoozedUntil: iso(r.snoozedUntil),
    resolvedAt: iso(r.resolvedAt),
    resolvedBy: r.resolvedBy === null ? null : r.resolvedBy.slice(0, 128),
    flapping: r.flapping,
    occurrences: r.occurrences,
    ticketId: r.ticketId,
  };
}

export function toAlertEvent(e: AlertEventRecord): AlertEvent {
  return {
    id: e.id,
    alertId: e.alertId,
    at: e.at.toISOString(),
    actor: { type: e.actorType, userId: e.actorType === 'user' ? e.actorId : null, name: e.actorName.slice(0, 128) },
    action: e.action,
    details: e.details === null ? null : e.details.slice(0, 1024),
  };
}
