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
  /**
   * `pending-approval`: the machine id is already enrolled (a cloned image?); the device is
   * quarantined (its handshake is refused with `pending_approval`) until a technician approves it.
   */
  approval: z.enum(['active', 'pending-approval']).optional(),
  /** SHA-256 fingerprint of the hub's TLS certificate (`AA:BB:…`), for the agent to pin. */
  tlsFingerprint: z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/).optional(),
  /** The hub's Ed25519 public key (raw 32 bytes, base64url) that signs fix requests; pinned by the agent. */
  actionKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/).optional(),
});
export type EnrollResponse = z.infer<typeof EnrollResponseSchema>;
