import { describe, expect, it } from 'vitest';
import { compareValues, nextSort } from './table-sort.js';

describe('table sorting', () => {
  it('toggles direction on the same column and starts ascending on another', () => {
    expect(nextSort(null, 'Name')).toEqual({ column: 'Name', direction: 'asc' });
    expect(nextSort({ column: 'Name', direction: 'asc' }, 'Name')).toEqual({ column: 'Name', direction: 'desc' });
    expect(nextSort({ column: 'Name', direction: 'desc' }, 'Version')).toEqual({ column: 'Version', direction: 'asc' });
  });
  it('compares numbers by value, text naturally, and puts empty values last', () => {
    expect(['v10', 'v9', null, 'V2'].sort(compareValues)).toEqual(['V2', 'v9', 'v10', null]);
    expect([10, 9, 100].sort(compareValues)).toEqual([9, 10, 100]);
  });
});
