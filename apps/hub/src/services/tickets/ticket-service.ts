import { createCannedResponses } from './canned-responses.js';
import { createIncidentService } from './incidents.js';
import { monotonic } from '@deskside/protocol';
import { createTicketActions } from './ticket-actions.js';
import { createTicketFeedback } from './ticket-feedback.js';
import type { TicketDeps } from './ticket-deps.js';
import { createTicketIntake } from './ticket-intake.js';
import { createTicketJobs } from './ticket-jobs.js';
import { createTicketQueries } from './ticket-queries.js';

export type TicketIntake = ReturnType<typeof createTicketIntake>;

/**
 * The ticket desk, composed: intake (tray, technicians, alerts), technician actions, reads,
 * incidents and the periodic jobs, all over the same collaborators. The composition root builds
 * the intake first (the alert service opens tickets through it) and hands it in with `built`.
 */
export function createTicketService(input: TicketDeps, built: { intake?: TicketIntake } = {}) {
  const deps: TicketDeps = { ...input, newId: monotonic(input.newId) };
  const actions = createTicketActions(deps);
  return {
    deps,
    sla: deps.sla,
    files: deps.files,
    actions,
    intake: built.intake ?? createTicketIntake(deps),
    feedback: createTicketFeedback(deps),
    queries: createTicketQueries(deps),
    incidents: createIncidentService(deps, actions),
    canned: createCannedResponses(deps),
    jobs: createTicketJobs(deps),
  };
}

export type TicketService = ReturnType<typeof createTicketService>;
