import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KB_CORPUS, KB_QUERIES } from '../test-support/kb-corpus.js';
import { anArticle } from '../test-support/kb-records.js';
import { openTempStore, type TempStore } from '../test-support/temp-store.js';

/**
 * Search quality on a corpus written for it (65 articles, 50 queries, typos and half-typed words
 * among them). Precision at 3 per query: relevant articles in the top three over the relevant
 * articles that fit in three (one expected answer: 1 if it is in the top three, else 0).
 */
describe('knowledge base search quality', () => {
  let temp: TempStore;
  const idOf = new Map<string, string>();
  const keyOf = new Map<string, string>();

  beforeAll(async () => {
    temp = await openTempStore();
    for (const [key, title, category, tags, body] of KB_CORPUS) {
      const article = anArticle({ title, category, tags: tags.split(' '), body });
      idOf.set(key, article.id);
      keyOf.set(article.id, key);
      await temp.store.kbArticles.create(article);
    }
  });
  afterAll(() => temp.cleanup());

  it('has a corpus of at least 60 articles and 40 queries, every expected answer in it', () => {
    expect(KB_CORPUS.length).toBeGreaterThanOrEqual(60);
    expect(KB_QUERIES.length).toBeGreaterThanOrEqual(40);
    for (const [, expected] of KB_QUERIES) for (const key of expected) expect(idOf.has(key), key).toBe(true);
  });

  it('reaches precision at 3 of at least 0.8', async () => {
    const misses: string[] = [];
    let sum = 0;
    for (const [query, expected] of KB_QUERIES) {
      const hits = await temp.store.kbArticles.search(query, {}, 3);
      const top = hits.map((h) => keyOf.get(h.article.id) ?? '?');
      const precision = expected.filter((k) => top.includes(k)).length / Math.min(3, expected.length);
      sum += precision;
      if (precision < 1) misses.push(`${query} → ${top.join(', ')} (expected ${expected.join(', ')})`);
    }
    const mean = sum / KB_QUERIES.length;
    console.info(`precision@3 = ${mean.toFixed(3)} over ${KB_QUERIES.length} queries; misses:\n${misses.join('\n')}`);
    expect(mean).toBeGreaterThanOrEqual(0.8);
  });

  it('answers the best match first', async () => {
    const [first] = await temp.store.kbArticles.search('paper jam printer', {}, 5);
    expect(first?.article.id).toBe(idOf.get('printer-jam'));
  });

  it('finds nothing for words nowhere in the corpus, and refuses FTS syntax as words', async () => {
    expect(await temp.store.kbArticles.search('zzqx', {}, 3)).toEqual([]);
    expect(await temp.store.kbArticles.search('"(" * - ^ :', {}, 3)).toEqual([]);
    expect(await temp.store.kbArticles.search('', {}, 3)).toEqual([]);
  });
});
