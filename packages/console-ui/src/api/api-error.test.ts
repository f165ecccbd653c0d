import { describe, expect, it } from 'vitest';
import { ApiError, parseRetryAfter } from './api-error.js';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-03-10T12:00:00Z');

  it('reads delta-seconds', () => {
    expect(parseRetryAfter('30', now)).toBe(30);
    expect(parseRetryAfter(' 5 ', now)).toBe(5);
  });

  it('reads an HTTP date', () => {
    expect(parseRetryAfter('Tue, 10 Mar 2026 12:00:42 GMT', now)).toBe(42);
    expect(parseRetryAfter('Tue, 10 Mar 2026 11:00:00 GMT', now)).toBe(0);
  });

  it('ignores what it cannot read and caps absurd waits', () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('-3', now)).toBeNull();
    expect(parseRetryAfter('99999999', now)).toBe(86_400);
  });
});

describe('ApiError', () => {
  it('is an Error carrying code, status and retry delay', () => {
    const error = new ApiError('rate_limited', 'slow down', 429, 12);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ApiError');
    expect([error.code, error.status, error.retryAfterSeconds, error.message]).toEqual(['rate_limited', 429, 12, 'slow down']);
  });
});
