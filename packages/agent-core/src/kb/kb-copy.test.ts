import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EmployeeArticle } from '@deskside/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KB_COPY_BUDGET, KbCopy, withinBudget } from './kb-copy.js';

const article = (n: number, fields: Partial<EmployeeArticle> = {}): EmployeeArticle => ({
  id: `01J${String(n).padStart(23, '0')}`,
  title: `Article ${n}`,
  body: 'Steps.',
  category: 'General',
  tags: [],
  updatedAt: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString(),
  ...fields,
});

describe('KbCopy', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kb-copy-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('applies incremental answers: changed articles replace, ids not listed any more leave, and it survives a restart', async () => {
    const copy = new KbCopy(dir);
    await copy.apply({ articles: [article(1), article(2), article(3)] }, 's1', new Date());
    await copy.apply({ articles: [article(2, { title: 'Article 2, revised', updatedAt: '2026-02-01T00:00:00.000Z' })], ids: [article(2).id, article(3).id] }, 's2', new Date());
    const reopened = new KbCopy(dir);
    expect((await reopened.articles()).map((a) => a.title)).toEqual(['Article 2, revised', 'Article 3']);
    expect(await reopened.stamp()).toBe('s2');
    expect(await reopened.known()).toEqual([
      { id: article(2).id, updatedAt: '2026-02-01T00:00:00.000Z' },
      { id: article(3).id, updatedAt: article(3).updatedAt },
    ]);
  });

  it('keeps within the character budget, newest first', () => {
    const big = 'x'.repeat(Math.floor(KB_COPY_BUDGET.chars / 3));
    const kept = withinBudget([article(1, { body: big }), article(2, { body: big }), article(3, { body: big }), article(4, { body: big }), article(5)]);
    expect(kept.map((a) => a.title)).toEqual(['Article 5', 'Article 4', 'Article 3']);
    expect(kept.reduce((n, a) => n + a.title.length + a.body.length, 0)).toBeLessThanOrEqual(KB_COPY_BUDGET.chars);
  });

  it('keeps at most the article budget', () => {
    const many = Array.from({ length: KB_COPY_BUDGET.articles + 20 }, (_, i) => article(i + 1));
    expect(withinBudget(many)).toHaveLength(KB_COPY_BUDGET.articles);
  });

  it('treats a malformed or hostile file as an empty copy', async () => {
    await writeFile(join(dir, 'kb-articles.json'), JSON.stringify({ v: 1, stamp: 's', syncedAt: null, articles: [{ id: '<script>', title: 1 }] }));
    expect(await new KbCopy(dir).articles()).toEqual([]);
    await writeFile(join(dir, 'kb-articles.json'), '{not json');
    expect(await new KbCopy(dir).stamp()).toBeNull();
  });
});
