import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { canonicalJson, FIX_SIGNATURE_CONTEXT, parseFixParams, SignedFixRequestSchema, type FixRequest } from '@deskside/protocol';

/** Why a fix request was refused before anything ran. */
export type RefusalReason = 'malformed' | 'not-pinned' | 'forged' | 'wrong-device' | 'expired' | 'not-yet-valid' | 'replayed' | 'bad-params';

export type Verdict = { ok: true; request: FixRequest } | { ok: false; reason: RefusalReason; message: string; runId: string | null };

export interface VerifyContext {
  /** The hub's Ed25519 key pinned at enrolment (raw 32 bytes, base64url); null: enrolled before signed fixes. */
  pinnedKey: string | null;
  deviceId: string;
  now: number;
  /** Single use: answers false when the run id was seen before (and records it otherwise). */
  firstUse(runId: string, expiresAt: number): Promise<boolean>;
}

/** A hub clock ahead of ours by more than this is not trusted to have signed "now". */
const CLOCK_SKEW_MS = 5 * 60_000;
// An Ed25519 SubjectPublicKeyInfo is this fixed prefix followed by the 32 raw key bytes.
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** The pinned key as a KeyObject; undefined when it is not a 32-byte key. */
export function ed25519PublicKey(raw: string): KeyObject | undefined {
  const bytes = Buffer.from(raw, 'base64url');
  if (bytes.length !== 32) return undefined;
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, bytes]), format: 'der', type: 'spki' });
}

/** The exact bytes the hub signs. */
export function signedBytes(request: FixRequest): Buffer {
  return Buffer.from(FIX_SIGNATURE_CONTEXT + canonicalJson(request), 'utf8');
}

/**
 * Checks a fix request the way a stolen technician session or a hostile hub process would try to
 * get around it: shape, pinned signature (over the device, action, parameters, ticket and expiry),
 * this device, the validity window, single use, then the action's own parameter schema.
 */
export async function verifyFixRequest(raw: unknown, ctx: VerifyContext): Promise<Verdict> {
  const parsed = SignedFixRequestSchema.safeParse(raw);
  const runId = runIdOf(raw);
  if (!parsed.success) return refuse('malformed', 'the request does not have the shape of a fix request', runId);
  const { request, signature } = parsed.data;
  if (!ctx.pinnedKey) return refuse('not-pinned', 'this agent was enrolled before signed fixes; enrol it again to accept fixes', runId);
  const key = ed25519PublicKey(ctx.pinnedKey);
  const sig = Buffer.from(signature, 'base64url');
  if (!key || sig.length !== 64 || !verify(null, signedBytes(request), key, sig)) return refuse('forged', 'the signature does not match the hub key pinned at enrolment', runId);
  if (request.deviceId !== ctx.deviceId) return refuse('wrong-device', 'the request names another device', runId);
  const issued = Date.parse(request.issuedAt);
  const expires = Date.parse(request.expiresAt);
  if (!(expires > ctx.now)) return refuse('expired', 'the request has expired', runId);
  if (issued > ctx.now + CLOCK_SKEW_MS) return refuse('not-yet-valid', 'the request was issued in the future', runId);
  const params = parseFixParams(request.action, request.params);
  if (!params.ok) return refuse('bad-params', params.message, runId);
  if (!(await ctx.firstUse(request.runId, expires))) return refuse('replayed', 'this request was already received once', runId);
  return { ok: true, request };
}

function refuse(reason: RefusalReason, message: string, runId: string | null): Verdict {
  return { ok: false, reason, message, runId };
}

function runIdOf(raw: unknown): string | null {
  const request = (raw as { request?: { runId?: unknown } } | null)?.request;
  const id = request?.runId;
  return typeof id === 'string' && /^[0-9A-HJKMNP-TV-Z]{26}$/.test(id) ? id : null;
}
