import type { AlertSeverity, AlertState } from '@deskside/protocol';
import type { Kysely, Selectable } from 'kysely';
import { chunkForParams } from '../mapping/chunk.js';
import { fromMs, fromMsOrNull, numberOrNull, toMs, toMsOrNull } from '../mapping/time.js';
import type { Database } from '../schema.js';
import type { AlertAction, AlertEventRecord, AlertPatch, AlertRecord, AlertRepository, AlertRow, AlertSource } from './alert-types.js';
import type { AlertEventsTable, AlertsTable } from './schema-alerts.js';

const DEFAULT_LIMIT = 1000;
const MAX_LIMIT = 5000;

export function createAlertRepository(db: Kysely<Database>): AlertRepository {
  const joined = () =>
    db
      .selectFrom('alerts')
      .innerJoin('devices', 'devices.id', 'alerts.device_id')
      .selectAll('alerts')
      .select(['devices.hostname as hostname', 'devices.site_id as site_id']);

  return {
    async insert(alert) {
      await db.insertInto('alerts').values(toRow(alert)).execute();
    },
    async update(id, patch) {
      const values = patchRow(patch);
      if (Object.keys(values).length === 0) return;
      await db.updateTable('alerts').set(values).where('id', '=', id).execute();
    },
    async findById(id) {
      const row = await joined().where('alerts.id', '=', id).executeTakeFirst();
      return row && toRecord(row);
    },
    async latestByKey(deviceId, check, subject) {
      const row = await joined()
        .where('alerts.device_id', '=', deviceId)
        .where('alerts.check_id', '=', check)
        .where('alerts.subject', '=', subject)
        .orderBy('alerts.raised_at', 'desc')
        .orderBy('alerts.id', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row && toRecord(row);
    },
    async list(filter = {}) {
      let q = joined();
      if (filter.states && filter.states.length > 0) q = q.where('alerts.state', 'in', [...filter.states]);
      if (filter.deviceId) q = q.where('alerts.device_id', '=', filter.deviceId);
      if (filter.severity) q = q.where('alerts.severity', '=', filter.severity);
      if (filter.siteIds && filter.siteIds.length > 0) q = q.where('devices.site_id', 'in', [...filter.siteIds]);
      const limit = Math.min(MAX_LIMIT, Math.max(1, filter.limit ?? DEFAULT_LIMIT));
      const rows = await q.orderBy('alerts.raised_at', 'desc').orderBy('alerts.id', 'desc').limit(limit).execute();
      return rows.map(toRecord);
    },
    async listForPeriod(filter) {
      let q = joined()
        .where('alerts.raised_at', '<', toMs(filter.end))
        // Spelled as an OR, not COALESCE, so both halves can search alerts_resolved_raised (0007).
        .where((eb) => eb.or([eb('alerts.resolved_at', 'is', null), eb('alerts.resolved_at', '>=', toMs(filter.start))]));
      if (filter.siteIds && filter.siteIds.length > 0) q = q.where('devices.site_id', 'in', [...filter.siteIds]);
      const rows = await q.orderBy('alerts.raised_at', 'desc').orderBy('alerts.id', 'desc').limit(Math.max(1, filter.limit)).execute();
      return rows.map(toRecord);
    },
    async findMany(ids) {
      const out: AlertRecord[] = [];
      for (const chunk of chunkForParams([...ids], 1)) {
        const rows = await joined().where('alerts.id', 'in', chunk).execute();
        for (const row of rows) out.push(toRecord(row));
      }
      return out;
    },
    async snoozeEnded(now) {
      const rows = await joined().where('alerts.state', '=', 'snoozed').where('alerts.snoozed_until', '<=', toMs(now)).execute();
      return rows.map(toRecord);
    },
    async flappingQuiet(before) {
      const rows = await joined()
        .where('alerts.flapping', '=', 1)
        .where('alerts.state', '<>', 'resolved')
        .where('alerts.cleared_at', 'is not', null)
        .where('alerts.cleared_at', '<=', toMs(before))
        .execute();
      return rows.map(toRecord);
    },
    async appendEvent(e) {
      await db
        .insertInto('alert_events')
        .values({
          id: e.id,
          alert_id: e.alertId,
          at: toMs(e.at),
          actor_type: e.actorType,
          actor_id: e.actorId,
          actor_name: e.actorName,
          action: e.action,
          details: e.details,
        })
        .execute();
    },
    async events(alertId) {
      const rows = await db.selectFrom('alert_events').selectAll().where('alert_id', '=', alertId).orderBy('at').orderBy('id').execute();
      return rows.map(toEvent);
    },
    async eventsForAlerts(alertIds) {
      const out: AlertEventRecord[] = [];
      for (const chunk of chunkForParams([...new Set(alertIds)], 1)) {
        const rows = await db.selectFrom('alert_events').selectAll().where('alert_id', 'in', chunk).execute();
        for (const row of rows) out.push(toEvent(row));
      }
      // Chunks answer in any order; the id (a ULID) breaks ties within a millisecond, as events() does.
      return out.sort((a, b) => a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },
    async countEvents(alertId, actions, since) {
      if (actions.length === 0) return 0;
      const row = await db
        .selectFrom('alert_events')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('alert_id', '=', alertId)
        .where('action', 'in', [...actions])
        .where('at', '>=', toMs(since))
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
  };
}

function toRow(a: AlertRow): Selectable<AlertsTable> {
  return {
    id: a.id,
    device_id: a.deviceId,
    check_id: a.check,
    subject: a.subject,
    source: a.source,
    severity: a.severity,
    state: a.state,
    message: a.message,
    value: a.value,
    threshold: a.threshold,
    raised_at: toMs(a.raisedAt),
    updated_at: toMs(a.updatedAt),
    cleared_at: toMsOrNull(a.clearedAt),
    acknowledged_at: toMsOrNull(a.acknowledgedAt),
    acknowledged_by: a.acknowledgedBy,
    snoozed_until: toMsOrNull(a.snoozedUntil),
    resolved_at: toMsOrNull(a.resolvedAt),
    resolved_by: a.resolvedBy,
    flapping: a.flapping ? 1 : 0,
    occurrences: a.occurrences,
    ticket_id: a.ticketId,
    notified: a.notified ? 1 : 0,
  };
}

function patchRow(p: AlertPatch): Partial<Selectable<AlertsTable>> {
  const out: Partial<Selectable<AlertsTable>> = {};
  if (p.severity !== undefined) out.severity = p.severity;
  if (p.state !== undefined) out.state = p.state;
  if (p.message !== undefined) out.message = p.message;
  if (p.value !== undefined) out.value = p.value;
  if (p.threshold !== undefined) out.threshold = p.threshold;
  if (p.updatedAt !== undefined) out.updated_at = toMs(p.updatedAt);
  if (p.clearedAt !== undefined) out.cleared_at = toMsOrNull(p.clearedAt);
  if (p.acknowledgedAt !== undefined) out.acknowledged_at = toMsOrNull(p.acknowledgedAt);
  if (p.acknowledgedBy !== undefined) out.acknowledged_by = p.acknowledgedBy;
  if (p.snoozedUntil !== undefined) out.snoozed_until = toMsOrNull(p.snoozedUntil);
  if (p.resolvedAt !== undefined) out.resolved_at = toMsOrNull(p.resolvedAt);
  if (p.resolvedBy !== undefined) out.resolved_by = p.resolvedBy;
  if (p.flapping !== undefined) out.flapping = p.flapping ? 1 : 0;
  if (p.occurrences !== undefined) out.occurrences = p.occurrences;
  if (p.ticketId !== undefined) out.ticket_id = p.ticketId;
  if (p.notified !== undefined) out.notified = p.notified ? 1 : 0;
  return out;
}

function toRecord(r: Selectable<AlertsTable> & { hostname: string; site_id: string }): AlertRecord {
  return {
    id: r.id,
    deviceId: r.device_id,
    hostname: r.hostname,
    siteId: r.site_id,
    check: r.check_id,
    subject: r.subject,
    source: r.source as AlertSource,
    severity: r.severity as AlertSeverity,
    state: r.state as AlertState,
    message: r.message,
    value: numberOrNull(r.value),
    threshold: numberOrNull(r.threshold),
    raisedAt: fromMs(r.raised_at),
    updatedAt: fromMs(r.updated_at),
    clearedAt: fromMsOrNull(r.cleared_at),
    acknowledgedAt: fromMsOrNull(r.acknowledged_at),
    acknowledgedBy: r.acknowledged_by,
    snoozedUntil: fromMsOrNull(r.snoozed_until),
    resolvedAt: fromMsOrNull(r.resolved_at),
    resolvedBy: r.resolved_by,
    flapping: Number(r.flapping) === 1,
    occurrences: Number(r.occurrences),
    ticketId: r.ticket_id,
    notified: Number(r.notified) === 1,
  };
}

function toEvent(r: Selectable<AlertEventsTable>): AlertEventRecord {
  return {
    id: r.id,
    alertId: r.alert_id,
    at: fromMs(r.at),
    actorType: r.actor_type as AlertEventRecord['actorType'],
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action as AlertAction,
    details: r.details,
  };
}
