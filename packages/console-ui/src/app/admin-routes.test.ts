import { describe, expect, it } from 'vitest';
import { parseRoute } from './routes.js';

describe('admin and account routes', () => {
  it.each([
    ['#/admin/users', 'admin-users'],
    ['#/admin/enroll-tokens', 'admin-enroll-tokens'],
    ['#/admin/devices-pending', 'admin-devices-pending'],
    ['#/admin/api-tokens', 'admin-api-tokens'],
    ['#/admin/webhooks', 'admin-webhooks'],
    ['#/api', 'api-reference'],
    ['#/api/x', 'not-found'],
    ['#/me', 'me'],
    ['#/admin', 'not-found'],
    ['#/admin/users/x', 'not-found'],
  ])('%s is the %s page', (hash, page) => {
    expect(parseRoute(hash).page).toBe(page);
  });
});
