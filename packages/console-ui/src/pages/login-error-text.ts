import { ApiError } from '../api/api-error.js';

const NETWORK = 'Cannot reach the hub. Check the network connection and try again.';

/** Whether the failure was about the credentials (so the fields are marked invalid). */
export function isCredentialError(error: unknown): boolean {
  return error instanceof ApiError && ['unauthorized', 'forbidden', 'invalid_payload', 'bad_request'].includes(error.code);
}

/** What the login form says when signing in fails: specific, and never the hub's raw text for auth failures. */
export function loginErrorText(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong. Please try again.';
  // A proxy or load balancer in front of a stopped hub answers these: to the user the hub is unreachable.
  if (error.status === 502 || error.status === 503 || error.status === 504) return NETWORK;
  switch (error.code) {
    case 'unauthorized':
    case 'forbidden':
    case 'invalid_payload':
    case 'bad_request':
      return 'Wrong username or password';
    case 'totp_required':
      return 'Enter the 6-digit code from your authenticator app';
    case 'locked':
      return error.retryAfterSeconds !== null && error.retryAfterSeconds > 0
        ? `This account is locked after too many attempts, try again in ${error.retryAfterSeconds} s`
        : 'This account is locked after too many attempts, try again later';
    case 'rate_limited':
      return error.retryAfterSeconds !== null && error.retryAfterSeconds > 0
        ? `Too many attempts, try again in ${error.retryAfterSeconds} s`
        : 'Too many attempts, try again in a moment';
    case 'network':
      return NETWORK;
    default:
      return error.status >= 500
        ? 'The hub ran into a problem. Please try again in a moment.'
        : 'The hub could not sign you in. Please try again.';
  }
}
