import { describe, expect, it } from 'vitest';
import { chunkForParams, MAX_PARAMS_PER_STATEMENT } from './chunk.js';

describe('chunkForParams', () => {
  it('keeps every chunk within the parameter budget and every row exactly once', () => {
    const rows = Array.from({ length: 5_001 }, (_, i) => i);
    const chunks = chunkForParams(rows, 6);
    for (const chunk of chunks) expect(chunk.length * 6).toBeLessThanOrEqual(MAX_PARAMS_PER_STATEMENT);
    expect(chunks.flat()).toEqual(rows);
  });

  it('answers no chunk for no rows', () => {
    expect(chunkForParams([], 4)).toEqual([]);
  });
});
