import { describe, expect, it } from 'vitest';
import { containsPattern } from './like.js';

describe('containsPattern', () => {
  it.each([
    ['pc', '%pc%'],
    ['%', '%\\%%'],
    ['PC_01', '%PC\\_01%'],
    ['C:\\Users', '%C:\\\\Users%'],
  ])('%s → %s', (input, pattern) => {
    expect(containsPattern(input)).toBe(pattern);
  });
});
