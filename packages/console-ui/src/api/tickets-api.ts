import {
  CannedResponseListResponseSchema,
  IncidentListResponseSchema,
  IncidentSchema,
  TicketDetailSchema,
  TicketListResponseSchema,
  TicketSchema,
  TechnicianListResponseSchema,
  type Technician,
  type CannedResponse,
  type Incident,
  type Ticket,
  type TicketCreateRequest,
  type TicketDetail,
  type TicketListQuery,
  type TicketStatus,
} from '@deskside/protocol';
import type { ApiRequest } from './alerts-api.js';

/** Fetches raw bytes with the session's bearer header (attachments never carry a token in a URL). */
export type BlobRequest = (path: string) => Promise<Blob>;

/** The ticket desk over HTTP. Every action resolves to the ticket as the hub now has it. */
export interface TicketsApi {
  listTickets(query?: TicketListQuery): Promise<Ticket[]>;
  getTicket(id: string): Promise<TicketDetail>;
  createTicket(request: TicketCreateRequest): Promise<Ticket>;
  replyTicket(id: string, body: string): Promise<Ticket>;
  noteTicket(id: string, body: string): Promise<Ticket>;
  assignTicket(id: string, assigneeId: string | null): Promise<Ticket>;
  escalateTicket(id: string, tier: 1 | 2 | 3, note: string): Promise<Ticket>;
  resolveTicket(id: string, note: string): Promise<Ticket>;
  reopenTicket(id: string): Promise<Ticket>;
  setTicketStatus(id: string, status: TicketStatus, note?: string): Promise<Ticket>;
  logTicketTime(id: string, minutes: number): Promise<Ticket>;
  mergeTicket(id: string, intoId: string): Promise<Ticket>;
  linkAlertToTicket(id: string, alertId: string): Promise<Ticket>;
  /** A screenshot's bytes, checked to be an image the console shows. */
  getTicketAttachment(ticketId: string, attachmentId: string): Promise<Blob>;
  listCannedResponses(): Promise<CannedResponse[]>;
  /** Active admins and technicians a ticket can be assigned to. */
  listTechnicians(): Promise<Technician[]>;
  listIncidents(): Promise<Incident[]>;
  replyIncident(id: string, body: string): Promise<Incident>;
  resolveIncident(id: string, note: string): Promise<Incident>;
}

/** The ticket endpoints, built on the HTTP client's request functions. */
export function ticketEndpoints(request: ApiRequest, requestBlob: BlobRequest): TicketsApi {
  const path = (id: string, action?: string) => `/api/v1/tickets/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;
  const act = (id: string, action: string, body: unknown) => request('POST', path(id, action), TicketSchema, body);
  const incident = (id: string, action: string, body: unknown) =>
    request('POST', `/api/v1/incidents/${encodeURIComponent(id)}/${action}`, IncidentSchema, body);
  return {
    listTickets: async (query = {}) => {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
      const suffix = params.size > 0 ? `?${params.toString()}` : '';
      return (await request('GET', `/api/v1/tickets${suffix}`, TicketListResponseSchema)).tickets;
    },
    getTicket: (id) => request('GET', path(id), TicketDetailSchema),
    createTicket: (body) => request('POST', '/api/v1/tickets', TicketSchema, body),
    replyTicket: (id, body) => act(id, 'reply', { body }),
    noteTicket: (id, body) => act(id, 'note', { body }),
    assignTicket: (id, assigneeId) => act(id, 'assign', { assigneeId }),
    escalateTicket: (id, tier, note) => act(id, 'escalate', { tier, note }),
    resolveTicket: (id, note) => act(id, 'resolve', { note }),
    reopenTicket: (id) => act(id, 'reopen', {}),
    setTicketStatus: (id, status, note) => act(id, 'status', note ? { status, note } : { status }),
    logTicketTime: (id, minutes) => act(id, 'time', { minutes }),
    mergeTicket: (id, intoId) => act(id, 'merge', { intoId }),
    linkAlertToTicket: (id, alertId) => act(id, 'link-alert', { alertId }),
    getTicketAttachment: (ticketId, attachmentId) => requestBlob(`${path(ticketId)}/attachments/${encodeURIComponent(attachmentId)}`),
    listCannedResponses: async () => (await request('GET', '/api/v1/canned-responses', CannedResponseListResponseSchema)).cannedResponses,
    listTechnicians: async () => (await request('GET', '/api/v1/technicians', TechnicianListResponseSchema)).technicians,
    listIncidents: async () => (await request('GET', '/api/v1/incidents', IncidentListResponseSchema)).incidents,
    replyIncident: (id, body) => incident(id, 'reply', { body }),
    resolveIncident: (id, note) => incident(id, 'resolve', { note }),
  };
}

/** Image types the console displays from the hub; anything else is refused, never rendered. */
export const ATTACHMENT_TYPES: ReadonlySet<string> = new Set(['image/png', 'image/jpeg', 'image/webp']);
/** The hub stores screenshots of at most ~1 MB; a few times that is plainly wrong. */
export const MAX_ATTACHMENT_BYTES = 8 * 1024 * 1024;
