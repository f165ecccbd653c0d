import type { IncomingMessage } from 'node:http';
import { jsonDepth, LIMITS } from '@deskside/protocol';
import { ServiceError } from '../services/service-error.js';

export interface JsonBodyLimits {
  maxBytes: number;
  maxDepth: number;
  /** How long the whole body may take to arrive (default BODY_DEADLINE_MS). */
  maxMillis?: number;
}

/** A JSON body is at most ~1 MB: even a slow link sends it in far less than this. */
export const BODY_DEADLINE_MS = 10_000;

const DEFAULT_LIMITS: JsonBodyLimits = { maxBytes: LIMITS.httpJsonBytes, maxDepth: LIMITS.jsonDepth };

/**
 * Reads a JSON request body: refuses another content type, more than `maxBytes` (checked against
 * Content-Length up front and counted while streaming), malformed JSON and excessive nesting.
 */
export async function readJsonBody(req: IncomingMessage, limits: JsonBodyLimits = DEFAULT_LIMITS): Promise<unknown> {
  if (!isJsonContentType(req.headers['content-type'])) {
    throw new ServiceError('bad_request', 'Send the body as JSON (Content-Type: application/json).');
  }
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limits.maxBytes) throw tooLarge(limits.maxBytes);

  const chunks: Buffer[] = [];
  let size = 0;
  // A body that stops arriving is not waited for: the whole body within the deadline, or the
  // connection is closed (a slow sender cannot hold a request, its memory and a handler forever).
  let late = false;
  const deadline = setTimeout(() => {
    late = true;
    req.destroy();
  }, limits.maxMillis ?? BODY_DEADLINE_MS);
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limits.maxBytes) throw tooLarge(limits.maxBytes);
      chunks.push(chunk);
    }
  } catch (err) {
    if (late) throw new ServiceError('bad_request', 'The request body did not arrive in time.');
    throw err;
  } finally {
    clearTimeout(deadline);
  }
  if (late) throw new ServiceError('bad_request', 'The request body did not arrive in time.');
  let value: unknown;
  try {
    value = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new ServiceError('bad_request', 'The body is not valid JSON.');
  }
  if (jsonDepth(value, limits.maxDepth) > limits.maxDepth) {
    throw new ServiceError('bad_request', `The body is nested deeper than ${limits.maxDepth} levels.`);
  }
  return value;
}

function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  const [type] = header.split(';');
  return type?.trim().toLowerCase() === 'application/json';
}

function tooLarge(max: number): ServiceError {
  return new ServiceError('payload_too_large', `The body is larger than ${max} bytes.`);
}
