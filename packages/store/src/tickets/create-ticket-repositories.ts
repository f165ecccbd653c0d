import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { createCannedResponseRepository } from './canned-responses.js';
import { createIncidentRepository } from './incidents.js';
import { createSlaConfigRepository } from './sla-config.js';
import { createTicketAttachmentRepository } from './ticket-attachments.js';
import { createTicketEventRepository } from './ticket-events.js';
import { createTicketRepository } from './ticket-repository.js';
import type { TicketRepositories } from './ticket-types.js';

export function createTicketRepositories(db: Kysely<Database>): TicketRepositories {
  return {
    tickets: createTicketRepository(db),
    ticketEvents: createTicketEventRepository(db),
    ticketAttachments: createTicketAttachmentRepository(db),
    cannedResponses: createCannedResponseRepository(db),
    incidents: createIncidentRepository(db),
    slaConfig: createSlaConfigRepository(db),
  };
}
