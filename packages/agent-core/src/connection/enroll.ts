import {
  EnrollResponseSchema,
  ErrorResponseSchema,
  LIMITS,
  PROTOCOL_VERSION,
  type EnrollRequest,
  type EnrollResponse,
  type ErrorCode,
} from '@deskside/protocol';
import { errorMessage } from '../util/with-timeout.js';
import { requestHub, type HubAnswer, type HubRequester } from './hub-request.js';
import { PinMismatchError } from './tls-pin.js';

/** Why enrolment failed; `code` is the hub's error code, or `network` / `bad_response` / `tls_pin_mismatch`. */
export class EnrollError extends Error {
  constructor(
    readonly code: ErrorCode | 'network' | 'bad_response' | 'tls_pin_mismatch',
    message: string,
  ) {
    super(message);
    this.name = 'EnrollError';
  }
}

export interface EnrollOptions {
  hubUrl: string;
  request: Omit<EnrollRequest, 'protocolVersion'>;
  /** https only: the hub's certificate fingerprint given at first contact, checked before the token is sent. */
  pin?: string;
  /** Replaces the real HTTP(S) request (tests). */
  requester?: HubRequester;
  timeoutMs?: number;
}

/** The hub's answer, plus the fingerprint of the certificate it presented (https only). */
export type EnrollResult = EnrollResponse & { peerFingerprint?: string };

/**
 * Trades an enrolment token for this device's credential: `POST {hub}/api/v1/enroll`. With `pin`,
 * the token leaves only after the hub showed that certificate; without, https uses the system CAs.
 */
export async function enroll(options: EnrollOptions): Promise<EnrollResult> {
  const send = options.requester ?? requestHub;
  const url = new URL('/api/v1/enroll', hubBase(options.hubUrl));
  const body: EnrollRequest = { protocolVersion: PROTOCOL_VERSION, ...options.request };
  let answer: HubAnswer;
  try {
    answer = await send({
      url,
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      timeoutMs: options.timeoutMs ?? 30_000,
      maxBytes: LIMITS.httpJsonBytes,
      ...(options.pin ? { pin: options.pin } : {}),
    });
  } catch (e) {
    if (e instanceof PinMismatchError) throw new EnrollError('tls_pin_mismatch', e.message);
    throw new EnrollError('network', `cannot reach the hub at ${url.origin}: ${errorMessage(e)}`);
  }
  const json = safeJson(answer.text);
  if (answer.status >= 200 && answer.status < 300) {
    const parsed = EnrollResponseSchema.safeParse(json);
    if (!parsed.success) throw new EnrollError('bad_response', 'the hub answered the enrolment with an unexpected body');
    if (parsed.data.deviceId !== body.deviceId) throw new EnrollError('bad_response', 'the hub answered for another device id');
    return answer.peerFingerprint ? { ...parsed.data, peerFingerprint: answer.peerFingerprint } : parsed.data;
  }
  const error = ErrorResponseSchema.safeParse(json);
  if (!error.success) throw new EnrollError('bad_response', `the hub answered HTTP ${answer.status} without an error body`);
  throw new EnrollError(error.data.error.code, explain(error.data.error.code, error.data.error.message));
}

/** The hub's base URL, refusing anything but http(s) so a typo cannot send the token elsewhere. */
export function hubBase(hubUrl: string): URL {
  let url: URL;
  try {
    url = new URL(hubUrl);
  } catch {
    throw new EnrollError('bad_request', `not a valid hub URL: ${hubUrl}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new EnrollError('bad_request', 'the hub URL must start with http:// or https://');
  if (url.username || url.password) throw new EnrollError('bad_request', 'the hub URL must not carry credentials');
  return url;
}

function explain(code: ErrorCode, raw: string): string {
  // Shown on a terminal: no control characters from the wire.
  const hubMessage = raw.replace(/\p{Cc}/gu, ' ');
  switch (code) {
    case 'unauthorized':
    case 'forbidden':
      return `the hub refused the enrolment token (wrong, expired or used up): ${hubMessage}`;
    case 'duplicate_identity':
      return `the hub already has a device with this machine's identity (a cloned or re-imaged PC?). Set DESKSIDE_AGENT_MACHINE_ID to a unique value or ask a technician to retire the old device: ${hubMessage}`;
    case 'protocol_unsupported':
      return `the hub does not speak this agent's protocol (v${PROTOCOL_VERSION}); upgrade the agent: ${hubMessage}`;
    case 'rate_limited':
      return `too many enrolment attempts; try again later: ${hubMessage}`;
    default:
      return `enrolment failed (${code}): ${hubMessage}`;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
