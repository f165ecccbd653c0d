import { z } from 'zod';
import { IdSchema } from '../ids.js';
import { text } from './common.js';

/** `auth` of a socket.io handshake on `/agent`: the device credential issued at enrolment. */
export const AgentHandshakeSchema = z.object({
  protocolVersion: z.number().int().nonnegative().max(1_000_000),
  deviceId: IdSchema,
  deviceKey: text(128).min(32),
  agentVersion: text(64).optional(),
});
export type AgentHandshake = z.infer<typeof AgentHandshakeSchema>;

/** `auth` of a socket.io handshake on `/console`: the session token from login. */
export const ConsoleHandshakeSchema = z.object({
  protocolVersion: z.number().int().nonnegative().max(1_000_000),
  token: text(128).min(16),
});
export type ConsoleHandshake = z.infer<typeof ConsoleHandshakeSchema>;

/**
 * What a refused handshake carries in `connect_error.data`, so a client can tell
 * "fix your credentials" from "upgrade me" from "try later".
 */
export const HandshakeErrorDataSchema = z.object({
  code: z.enum(['unauthorized', 'protocol_unsupported', 'revoked', 'invalid_payload', 'rate_limited', 'forbidden', 'pending_approval']),
  message: text(1024),
});
export type HandshakeErrorData = z.infer<typeof HandshakeErrorDataSchema>;
