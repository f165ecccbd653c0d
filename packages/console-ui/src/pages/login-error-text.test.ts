import { describe, expect, it } from 'vitest';
import { isCredentialError, loginErrorText } from './login-error-text.js';
import { ApiError } from '../api/api-error.js';

describe('loginErrorText', () => {
  it('says what went wrong, not how', () => {
    expect(loginErrorText(new ApiError('unauthorized', 'user admin not found', 401))).toBe('Wrong username or password');
    expect(loginErrorText(new ApiError('rate_limited', 'x', 429, 30))).toBe('Too many attempts, try again in 30 s');
    expect(loginErrorText(new ApiError('rate_limited', 'x', 429, null))).toBe('Too many attempts, try again in a moment');
    expect(loginErrorText(new ApiError('network', 'x', 0))).toMatch(/Cannot reach the hub/);
    expect(loginErrorText(new ApiError('internal', 'stack trace', 500))).toMatch(/ran into a problem/);
    expect(loginErrorText(new Error('boom'))).toMatch(/Something went wrong/);
  });

  it('treats a gateway error as an unreachable hub', () => {
    expect(loginErrorText(new ApiError('internal', 'x', 503))).toMatch(/Cannot reach the hub/);
    expect(loginErrorText(new ApiError('internal', 'x', 502))).toMatch(/Cannot reach the hub/);
  });

  it('marks the fields invalid only for credential errors', () => {
    expect(isCredentialError(new ApiError('unauthorized', 'x', 401))).toBe(true);
    expect(isCredentialError(new ApiError('network', 'x', 0))).toBe(false);
    expect(isCredentialError(new ApiError('rate_limited', 'x', 429))).toBe(false);
  });
});
