import { describe, expect, it } from 'vitest';
import { devicePath, parseRoute, ticketPath } from './routes.js';

describe('parseRoute', () => {
  it.each([
    ['', { page: 'overview' }],
    ['#', { page: 'overview' }],
    ['#/', { page: 'overview' }],
    ['#/overview', { page: 'overview' }],
    ['#/alerts', { page: 'alerts' }],
    ['#/login', { page: 'login' }],
    ['#/devices', { page: 'devices' }],
    ['#/devices/01J00000000000000000000001', { page: 'device', id: '01J00000000000000000000001' }],
    ['#/devices/a%2Fb', { page: 'device', id: 'a/b' }],
    ['#/devices/%E0%A4%A', { page: 'not-found' }],
    ['#/devices/a/b', { page: 'not-found' }],
    ['#/tickets', { page: 'tickets' }],
    ['#/tickets/new', { page: 'new-ticket' }],
    ['#/tickets/01JT0000000000000000000001', { page: 'ticket', id: '01JT0000000000000000000001' }],
    ['#/tickets/a/b', { page: 'not-found' }],
    ['#/tickets/%E0%A4%A', { page: 'not-found' }],
    ['#/nope', { page: 'not-found' }],
  ])('%s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('round-trips device paths', () => {
    const id = 'weird id/?#';
    expect(parseRoute(`#${devicePath(id)}`)).toEqual({ page: 'device', id });
  });

  it('round-trips ticket paths', () => {
    const id = 'weird id/?#';
    expect(parseRoute(`#${ticketPath(id)}`)).toEqual({ page: 'ticket', id });
  });
});
