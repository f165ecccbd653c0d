import * as p from '@deskside/protocol';
import { z } from 'zod';
import type { OperationCatalogue, OperationDoc } from './operation-doc.js';

const ticketAction = (summary: string, body?: z.ZodType): OperationDoc => ({ tag: 'Tickets', summary, ...(body ? { body } : {}), response: p.TicketSchema });
const hubPolicyFields = { offlineMinutes: true, autoTicketChecks: true, watchedSections: true } as const;

/** Alerts, health policies, tickets, incidents, SLA. */
export const DESK_OPERATIONS: OperationCatalogue = {
  'GET /api/v1/alerts': { tag: 'Alerts', summary: 'List alerts', query: p.AlertListQuerySchema, response: p.AlertListResponseSchema },
  'GET /api/v1/alerts/:id': { tag: 'Alerts', summary: 'One alert and its history', response: p.AlertDetailResponseSchema },
  'POST /api/v1/alerts/:id/acknowledge': { tag: 'Alerts', summary: 'Acknowledge an alert', response: p.AlertResponseSchema },
  'POST /api/v1/alerts/:id/snooze': { tag: 'Alerts', summary: 'Snooze an alert until a time', body: p.AlertSnoozeSchema.omit({ alertId: true }), response: p.AlertResponseSchema },
  'POST /api/v1/alerts/:id/resolve': { tag: 'Alerts', summary: 'Resolve an alert', body: p.AlertResolveSchema.omit({ alertId: true }), response: p.AlertResponseSchema },
  'POST /api/v1/devices/:id/maintenance': {
    tag: 'Alerts',
    summary: 'Start or end a maintenance window (no alerts raised until then)',
    body: z.object({ until: p.Timestamp.nullable() }),
    response: p.MaintenanceResponseSchema,
  },
  'GET /api/v1/policies/health': { tag: 'Alerts', summary: 'The global health policy', response: p.HealthPolicyResponseSchema },
  'PUT /api/v1/policies/health': {
    tag: 'Alerts',
    summary: 'Replace the global health policy',
    body: p.HubHealthPolicySchema.partial(hubPolicyFields),
    response: p.HealthPolicyResponseSchema,
  },
  'GET /api/v1/groups/:id/health-policy': { tag: 'Alerts', summary: 'A group\'s health policy overrides', response: p.GroupPolicyResponseSchema },
  'PUT /api/v1/groups/:id/health-policy': { tag: 'Alerts', summary: 'Set a group\'s overrides', body: p.HubHealthPolicySchema.partial(), response: p.GroupPolicyResponseSchema },
  'DELETE /api/v1/groups/:id/health-policy': { tag: 'Alerts', summary: 'Remove a group\'s overrides', response: p.GroupPolicyResponseSchema },
  'GET /api/v1/tickets': { tag: 'Tickets', summary: 'The ticket queue', query: p.TicketListQuerySchema, response: p.TicketListResponseSchema },
  'POST /api/v1/tickets': { tag: 'Tickets', summary: 'Create a ticket', body: p.TicketCreateRequestSchema, response: p.TicketSchema, status: 201 },
  'GET /api/v1/tickets/:id': { tag: 'Tickets', summary: 'One ticket with its conversation and history', response: p.TicketDetailSchema },
  'POST /api/v1/tickets/:id/reply': ticketAction('Reply to the requester', p.TicketReplySchema),
  'POST /api/v1/tickets/:id/note': ticketAction('Add an internal note', p.TicketReplySchema),
  'POST /api/v1/tickets/:id/assign': ticketAction('Assign a ticket', p.TicketAssignSchema),
  'POST /api/v1/tickets/:id/escalate': ticketAction('Escalate to a tier', p.TicketEscalateSchema),
  'POST /api/v1/tickets/:id/resolve': ticketAction('Resolve a ticket', p.TicketResolveSchema),
  'POST /api/v1/tickets/:id/status': ticketAction('Change the status', p.TicketStatusChangeSchema),
  'POST /api/v1/tickets/:id/time': ticketAction('Log time spent', p.TicketTimeSchema),
  'POST /api/v1/tickets/:id/merge': ticketAction('Merge into another ticket', p.TicketMergeSchema),
  'POST /api/v1/tickets/:id/link-alert': ticketAction('Link an alert', p.TicketLinkAlertSchema),
  'POST /api/v1/tickets/:id/reopen': ticketAction('Reopen a ticket'),
  'GET /api/v1/tickets/:id/attachments/:attachmentId': { tag: 'Tickets', summary: 'An attachment (screenshot) of a ticket', file: 'image/*' },
  'GET /api/v1/incidents': { tag: 'Tickets', summary: 'Open incidents (tickets grouped by cause)', response: p.IncidentListResponseSchema },
  'POST /api/v1/incidents/:id/reply': { tag: 'Tickets', summary: 'Reply to every ticket of an incident', body: p.IncidentReplySchema, response: p.IncidentSchema },
  'POST /api/v1/incidents/:id/resolve': { tag: 'Tickets', summary: 'Resolve an incident and its tickets', body: p.IncidentResolveSchema, response: p.IncidentSchema },
  'GET /api/v1/canned-responses': { tag: 'Tickets', summary: 'Canned responses', response: p.CannedResponseListResponseSchema },
  'POST /api/v1/canned-responses': { tag: 'Tickets', summary: 'Add a canned response', body: p.CannedResponseCreateSchema, response: p.CannedResponseSchema, status: 201 },
  'GET /api/v1/sla-settings': { tag: 'Tickets', summary: 'SLA targets and business hours', response: p.SlaSettingsSchema },
  'PUT /api/v1/sla-settings': { tag: 'Tickets', summary: 'Replace SLA targets and business hours', body: p.SlaSettingsSchema, response: p.SlaSettingsSchema },
};
