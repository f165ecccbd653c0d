import type { Insertable, Selectable } from 'kysely';
import type { Impact, Priority, Requester, TicketCategory, TicketChannel, TicketStatus, Urgency } from '@deskside/protocol';
import { fromJson } from '../mapping/json.js';
import { fromMs, fromMsOrNull, toMs, toMsOrNull } from '../mapping/time.js';
import type { TicketsTable } from './schema-tickets.js';
import type { NewTicket, SlaPause, TicketPatch, TicketRecord } from './ticket-types.js';

/** Every column but the diagnostics document: lists never carry it. */
export const TICKET_COLUMNS = [
  'id',
  'number',
  'subject',
  'description',
  'category',
  'impact',
  'urgency',
  'priority',
  'status',
  'tier',
  'assignee_id',
  'requester',
  'device_id',
  'site_id',
  'network',
  'source',
  'channel',
  'created_at',
  'updated_at',
  'first_response_at',
  'resolved_at',
  'closed_at',
  'sla_pauses',
  'first_response_breached_at',
  'resolution_breached_at',
  'time_spent_minutes',
  'merged_into_id',
  'incident_id',
  'linked_alert_ids',
] as const;

export type TicketRow = Pick<Selectable<TicketsTable>, (typeof TICKET_COLUMNS)[number]> & { has_diagnostics: number | string | bigint };

export function toTicket(row: TicketRow): TicketRecord {
  return {
    id: row.id,
    number: Number(row.number),
    subject: row.subject,
    description: row.description,
    category: row.category as TicketCategory,
    impact: row.impact as Impact,
    urgency: row.urgency as Urgency,
    priority: row.priority as Priority,
    status: row.status as TicketStatus,
    tier: Number(row.tier) as 1 | 2 | 3,
    assigneeId: row.assignee_id,
    requester: fromJson(row.requester) as Requester,
    deviceId: row.device_id,
    siteId: row.site_id,
    network: row.network,
    source: row.source as 'agent' | 'technician',
    channel: row.channel as TicketChannel,
    createdAt: fromMs(row.created_at),
    updatedAt: fromMs(row.updated_at),
    firstResponseAt: fromMsOrNull(row.first_response_at),
    resolvedAt: fromMsOrNull(row.resolved_at),
    closedAt: fromMsOrNull(row.closed_at),
    slaPauses: (fromJson(row.sla_pauses) as Array<{ from: number; to: number | null }>).map((p) => ({
      from: fromMs(p.from),
      to: fromMsOrNull(p.to),
    })),
    firstResponseBreachedAt: fromMsOrNull(row.first_response_breached_at),
    resolutionBreachedAt: fromMsOrNull(row.resolution_breached_at),
    timeSpentMinutes: Number(row.time_spent_minutes),
    mergedIntoId: row.merged_into_id,
    incidentId: row.incident_id,
    linkedAlertIds: fromJson(row.linked_alert_ids) as string[],
    hasDiagnostics: Number(row.has_diagnostics) === 1,
  };
}

function pausesJson(pauses: readonly SlaPause[]): string {
  return JSON.stringify(pauses.map((p) => ({ from: toMs(p.from), to: toMsOrNull(p.to) })));
}

export function ticketInsert(t: NewTicket, number: number): Insertable<TicketsTable> {
  return {
    id: t.id,
    number,
    subject: t.subject,
    description: t.description,
    category: t.category,
    impact: t.impact,
    urgency: t.urgency,
    priority: t.priority,
    status: t.status,
    tier: t.tier,
    assignee_id: t.assigneeId,
    requester: JSON.stringify(t.requester),
    device_id: t.deviceId,
    site_id: t.siteId,
    network: t.network,
    source: t.source,
    channel: t.channel,
    created_at: toMs(t.createdAt),
    updated_at: toMs(t.updatedAt),
    first_response_at: toMsOrNull(t.firstResponseAt),
    resolved_at: toMsOrNull(t.resolvedAt),
    closed_at: toMsOrNull(t.closedAt),
    sla_pauses: pausesJson(t.slaPauses),
    first_response_breached_at: toMsOrNull(t.firstResponseBreachedAt),
    resolution_breached_at: toMsOrNull(t.resolutionBreachedAt),
    time_spent_minutes: t.timeSpentMinutes,
    merged_into_id: t.mergedIntoId,
    incident_id: t.incidentId,
    linked_alert_ids: JSON.stringify(t.linkedAlertIds),
    diagnostics: t.diagnostics === null || t.diagnostics === undefined ? null : JSON.stringify(t.diagnostics),
  };
}

/** Only the fields present in the patch become columns to set. */
export function ticketPatchColumns(p: TicketPatch): Partial<Insertable<TicketsTable>> {
  const out: Partial<Insertable<TicketsTable>> = {};
  if (p.status !== undefined) out.status = p.status;
  if (p.tier !== undefined) out.tier = p.tier;
  if (p.assigneeId !== undefined) out.assignee_id = p.assigneeId;
  if (p.updatedAt !== undefined) out.updated_at = toMs(p.updatedAt);
  if (p.firstResponseAt !== undefined) out.first_response_at = toMsOrNull(p.firstResponseAt);
  if (p.resolvedAt !== undefined) out.resolved_at = toMsOrNull(p.resolvedAt);
  if (p.closedAt !== undefined) out.closed_at = toMsOrNull(p.closedAt);
  if (p.slaPauses !== undefined) out.sla_pauses = pausesJson(p.slaPauses);
  if (p.firstResponseBreachedAt !== undefined) out.first_response_breached_at = toMsOrNull(p.firstResponseBreachedAt);
  if (p.resolutionBreachedAt !== undefined) out.resolution_breached_at = toMsOrNull(p.resolutionBreachedAt);
  if (p.timeSpentMinutes !== undefined) out.time_spent_minutes = p.timeSpentMinutes;
  if (p.mergedIntoId !== undefined) out.merged_into_id = p.mergedIntoId;
  if (p.incidentId !== undefined) out.incident_id = p.incidentId;
  if (p.linkedAlertIds !== undefined) out.linked_alert_ids = JSON.stringify(p.linkedAlertIds);
  if (p.priority !== undefined) out.priority = p.priority;
  if (p.impact !== undefined) out.impact = p.impact;
  if (p.urgency !== undefined) out.urgency = p.urgency;
  return out;
}
