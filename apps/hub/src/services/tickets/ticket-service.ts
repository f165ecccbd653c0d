import { createIncidentService } from './incidents.js';
import { monotonic } from './monotonic-id.js';
import { createTicketActions } from './ticket-actions.js';
import type { TicketDeps } from './ticket-deps.js';
import { createTicketIntake } from './ticket-intake.js';
import { createTicketJobs } from './ticket-jobs.js';
import { createTicketQueries } from './ticket-queries.js';

/**
 * The ticket desk, composed: intake (tray, technicians, alerts), technician actions, reads,
 * incidents and the periodic jobs, all over the same collaborators.
 */
export function createTicketService(input: TicketDeps) {
  const deps: TicketDeps = { ...input, newId: monotonic(input.newId) };
  const actions = createTicketActions(deps);
  return {
    deps,
    sla: deps.sla,
    files: deps.files,
    actions,
    intake: createTicketIntake(deps),
    queries: createTicketQueries(deps),
    incidents: createIncidentService(deps, actions),
    jobs: createTicketJobs(deps),
  };
}

export type TicketService = ReturnType<typeof createTicketService>;
