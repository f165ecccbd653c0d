import type { EmployeeTicket, PublicMessage, Ticket, TicketEvent, TicketSatisfaction } from '@deskside/protocol';
import type { TicketAttachmentRecord, TicketRecord } from '@deskside/store';
import type { SlaView } from './sla-policy.js';

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());
const isoMs = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export interface TicketExtras {
  sla: SlaView;
  assigneeName: string | null;
  hostname: string | null;
  attachments: readonly TicketAttachmentRecord[];
  satisfaction?: TicketSatisfaction | null;
}

/** The latest `rated` event of a ticket as its rating, or null. */
export function satisfactionOf(ticketId: string, events: readonly TicketEvent[]): TicketSatisfaction | null {
  let latest: TicketEvent | undefined;
  for (const e of events) if (e.ticketId === ticketId && e.type === 'rated' && (e.to === 'good' || e.to === 'bad')) latest = e;
  return latest ? { rating: latest.to as TicketSatisfaction['rating'], comment: latest.body, at: latest.at } : null;
}

/** A ticket as technicians see it. */
export function presentTicket(t: TicketRecord, x: TicketExtras): Ticket {
  return {
    id: t.id,
    number: t.number,
    subject: t.subject,
    description: t.description,
    category: t.category,
    impact: t.impact,
    urgency: t.urgency,
    priority: t.priority,
    status: t.status,
    tier: t.tier,
    assigneeId: t.assigneeId,
    assigneeName: x.assigneeName,
    requester: t.requester,
    deviceId: t.deviceId,
    hostname: x.hostname,
    siteId: t.siteId,
    source: t.source,
    channel: t.channel,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    firstResponseAt: iso(t.firstResponseAt),
    resolvedAt: iso(t.resolvedAt),
    closedAt: iso(t.closedAt),
    sla: { firstResponseDueAt: isoMs(x.sla.firstResponseDueAt), resolutionDueAt: isoMs(x.sla.resolutionDueAt), state: x.sla.state },
    timeSpentMinutes: t.timeSpentMinutes,
    mergedIntoId: t.mergedIntoId,
    incidentId: t.incidentId,
    linkedAlertIds: t.linkedAlertIds.slice(0, 100),
    attachments: x.attachments.slice(0, 20).map((a) => ({
      id: a.id,
      kind: a.kind,
      mediaType: a.mediaType,
      bytes: a.bytes,
      width: a.width,
      height: a.height,
      createdAt: a.createdAt.toISOString(),
    })),
    hasDiagnostics: t.hasDiagnostics,
    satisfaction: x.satisfaction ?? null,
  };
}

const MAX_MESSAGES = 500;
/** One pushed ticket stays well inside a socket message (LIMITS.socketMessageBytes): newest messages first. */
export const MAX_THREAD_CHARS = 1_000_000;

/**
 * The employee's view: the description, public replies and public status notes. Internal notes,
 * assignment, escalation hand-offs and time never appear (only `visibility: public` events pass).
 */
export function presentEmployeeTicket(t: TicketRecord, events: readonly TicketEvent[], confirmDays?: number): EmployeeTicket {
  const messages: PublicMessage[] = [];
  let resolvedBy: string | null = null;
  for (const e of events) {
    if (e.ticketId !== t.id) continue;
    if (e.type === 'status-changed' && e.to === 'resolved') resolvedBy = e.actor.name;
    if (e.visibility !== 'public') continue;
    const message = publicMessage(t, e);
    if (message) messages.push(message);
  }
  return {
    id: t.id,
    number: t.number,
    subject: t.subject,
    category: t.category,
    status: t.status,
    priority: t.priority,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    messages: newestWithin(messages, MAX_MESSAGES, MAX_THREAD_CHARS),
    resolvedBy: t.status === 'resolved' ? resolvedBy : null,
    ...(confirmDays === undefined ? {} : { confirmDays }),
    satisfaction: satisfactionOf(t.id, events),
  };
}

function publicMessage(t: TicketRecord, e: TicketEvent): PublicMessage | undefined {
  const from = e.actor.type;
  switch (e.type) {
    case 'created':
      return { id: e.id, at: e.at, from: t.source === 'agent' ? 'employee' : from, author: t.source === 'agent' ? t.requester.name : e.actor.name, body: t.description };
    case 'reply':
    case 'fix-rejected':
    case 'fix-confirmed':
      return e.body === null ? undefined : { id: e.id, at: e.at, from, author: e.actor.name, body: e.body };
    case 'status-changed':
    case 'merged':
      return e.body === null ? undefined : { id: e.id, at: e.at, from, author: e.actor.name, body: e.body };
    default:
      return undefined;
  }
}

function newestWithin(messages: readonly PublicMessage[], maxCount: number, maxChars: number): PublicMessage[] {
  const kept: PublicMessage[] = [];
  let chars = 0;
  for (let i = messages.length - 1; i >= 0 && kept.length < maxCount; i--) {
    const m = messages[i];
    if (!m) continue;
    chars += m.body.length + m.author.length;
    if (chars > maxChars) break;
    kept.push(m);
  }
  return kept.reverse();
}
