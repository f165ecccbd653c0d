import { z } from 'zod';
import { IdSchema } from '../ids.js';
import { text } from './common.js';
import { AgentPolicySchema } from './policy.js';

/**
 * `POST /api/v1/enroll`: an agent trades an enrolment token for its own device credential.
 * The agent names its device id (ids are born where the record is born).
 */
export const EnrollRequestSchema = z.object({
  protocolVersion: z.number().int().nonnegative().max(1_000_000),
  enrollToken: text(256).min(8),
  deviceId: IdSchema,
  machineId: text(128).min(8),
  hostname: text(255).min(1),
  agentVersion: text(64),
});
export type EnrollRequest = z.infer<typeof EnrollRequestSchema>;

export const EnrollResponseSchema = z.object({
  deviceId: IdSchema,
  /** Shown once; the hub keeps only its hash. */
  deviceKey: text(128),
  siteId: IdSchema,
  policy: AgentPolicySchema,
});
export type EnrollResponse = z.infer<typeof EnrollResponseSchema>;
