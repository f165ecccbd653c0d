import { describe, expect, it } from 'vitest';
import { groupPath, parseRoute } from './routes.js';

describe('group routes', () => {
  it('parses the list and a group page, and builds a group path that round-trips', () => {
    expect(parseRoute('#/groups')).toEqual({ page: 'groups' });
    expect(parseRoute('#/groups/')).toEqual({ page: 'groups' });
    const id = '01HZX3V3M8N4Q5R6S7T8V9W0XY';
    expect(parseRoute(`#${groupPath(id)}`)).toEqual({ page: 'group', id });
    expect(parseRoute(`#${groupPath('a/b?c')}`)).toEqual({ page: 'group', id: 'a/b?c' });
  });
  it('refuses a malformed escape and nested paths', () => {
    expect(parseRoute('#/groups/%E0%A4%A')).toEqual({ page: 'not-found' });
    expect(parseRoute('#/groups/x/devices')).toEqual({ page: 'not-found' });
  });
});
