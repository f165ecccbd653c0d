import * as p from '@deskside/protocol';
import type { OperationCatalogue } from './operation-doc.js';

/** Consented fixes (issue #18). */
export const FIX_OPERATIONS: OperationCatalogue = {
  'GET /api/v1/actions': { tag: 'Fixes', summary: 'The fix catalogue: actions, their parameters, and whether you may request each', response: p.FixActionListResponseSchema },
  'POST /api/v1/devices/:id/actions': { tag: 'Fixes', summary: 'Ask a device to run a fix (signed, with the employee\'s consent); 400 for an unknown action or bad parameters', body: p.FixRunCreateSchema, response: p.FixRunResponseSchema, status: 202 },
  'GET /api/v1/devices/:id/actions': { tag: 'Fixes', summary: 'The device\'s fix runs, newest first', response: p.FixRunListResponseSchema },
  'GET /api/v1/tickets/:id/actions': { tag: 'Fixes', summary: 'The fix runs of a ticket, newest first', response: p.FixRunListResponseSchema },
  'POST /api/v1/groups/:id/actions/preview': { tag: 'Fixes', summary: 'The devices a fix for this group would reach, and which cannot take it now (offline, busy)', body: p.FixBulkCreateSchema, response: p.FixBulkPreviewSchema },
  'POST /api/v1/groups/:id/actions': { tag: 'Fixes', summary: 'The same fix for every device of the group (each signed, each asks its employee); the devices skipped and why', body: p.FixBulkCreateSchema, response: p.FixBulkResultSchema, status: 202 },
  'GET /api/v1/actions/policy': { tag: 'Fixes', summary: 'Approved services and applications, unattended groups, self-service actions', response: p.FixPolicySchema },
  'PUT /api/v1/actions/policy': { tag: 'Fixes', summary: 'Replace the fix policy', body: p.FixPolicySchema, response: p.FixPolicySchema },
};
