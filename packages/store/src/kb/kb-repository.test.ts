import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { anArticle } from '../test-support/kb-records.js';
import { openTempStore, type TempStore } from '../test-support/temp-store.js';

describe('knowledge base repositories', () => {
  let temp: TempStore;
  beforeEach(async () => {
    temp = await openTempStore();
  });
  afterEach(() => temp.cleanup());

  it('keeps a version per title or body change, refuses a stale base version, and reindexes the text', async () => {
    const kb = temp.store.kbArticles;
    const a = anArticle({ title: 'Reset the router', body: 'Unplug it.' });
    await kb.create(a);
    const by = { at: new Date('2026-02-01T00:00:00Z'), name: 'Bo' };
    const next = await kb.update(a.id, 1, { body: 'Unplug it for ten seconds.' }, by);
    expect(next).toMatchObject({ version: 2, updatedByName: 'Bo', body: 'Unplug it for ten seconds.' });
    expect(await kb.update(a.id, 1, { title: 'Other' }, by)).toBe('conflict');
    expect(await kb.update('01NOSUCHARTICLE0000000000', 1, { title: 'x' }, by)).toBeUndefined();
    // A tags-only change is not a new version of the text.
    expect(await kb.update(a.id, 2, { tags: ['network'] }, by)).toMatchObject({ version: 2, tags: ['network'] });
    expect((await kb.versions(a.id)).map((v) => [v.version, v.authorName, v.body])).toEqual([
      [1, 'Ada Tech', 'Unplug it.'],
      [2, 'Bo', 'Unplug it for ten seconds.'],
    ]);
    expect((await kb.search('seconds', {}, 5)).map((h) => h.article.id)).toEqual([a.id]);
    expect((await kb.search('network', {}, 5)).map((h) => h.article.id)).toEqual([a.id]);
  });

  it('filters by audience, status and site (no site rows: every site)', async () => {
    const kb = temp.store.kbArticles;
    const everywhere = anArticle({ title: 'Printer everywhere' });
    const siteA = anArticle({ title: 'Printer site A', siteIds: ['site-a'] });
    const techs = anArticle({ title: 'Printer internals', audience: 'technicians' });
    const draft = anArticle({ title: 'Printer draft', status: 'draft' });
    for (const a of [everywhere, siteA, techs, draft]) await kb.create(a);
    const employeeAtB = { audiences: ['employees'] as const, statuses: ['published'] as const, siteIds: ['site-b'] };
    expect((await kb.search('printer', employeeAtB, 10)).map((h) => h.article.id)).toEqual([everywhere.id]);
    expect((await kb.list({ ...employeeAtB, siteIds: ['site-a'] }, 10)).map((a) => a.id).sort()).toEqual([everywhere.id, siteA.id].sort());
    expect((await kb.search('printer', {}, 10)).length).toBe(4);
    const before = await kb.stamp(employeeAtB);
    await kb.update(everywhere.id, 1, { status: 'draft' }, { at: new Date('2026-03-01T00:00:00Z'), name: 'Bo' });
    expect(await kb.stamp(employeeAtB)).not.toBe(before);
  });

  it('counts feedback and deflections, lists unhelpful articles and searches without results', async () => {
    const a = anArticle();
    await temp.store.kbArticles.create(a);
    const act = temp.store.kbActivity;
    const at = new Date('2026-02-01T00:00:00Z');
    const base = { articleId: a.id, at, source: 'employee' as const, name: 'Em', deviceId: null, userId: null };
    await act.addFeedback({ ...base, id: 'f1', helpful: false, comment: 'Steps are outdated' });
    await act.addFeedback({ ...base, id: 'f2', helpful: false, comment: '' });
    await act.addFeedback({ ...base, id: 'f3', helpful: true, comment: '' });
    await act.addDeflection({ id: 'd1', articleId: a.id, deviceId: 'dev', siteId: 's', subject: 'vpn', at });
    expect((await act.counts([a.id])).get(a.id)).toEqual({ helpful: 1, unhelpful: 2, deflections: 1 });
    expect(await act.unhelpful(5)).toEqual([{ articleId: a.id, helpful: 1, unhelpful: 2, lastComment: 'Steps are outdated' }]);
    expect(await act.deflectionsBetween(at, new Date(at.getTime() + 1))).toBe(1);
    await act.logSearch({ id: 's1', at, query: 'fax machine', results: 0, source: 'tray' });
    await act.logSearch({ id: 's2', at, query: 'fax machine', results: 0, source: 'console' });
    await act.logSearch({ id: 's3', at, query: 'vpn', results: 3, source: 'tray' });
    expect(await act.noResultSearches(at, new Date(at.getTime() + 1), 10)).toEqual([{ query: 'fax machine', count: 2, lastAt: at }]);
    await act.linkTicket(a.id, 't1', 'source', at);
    await act.linkTicket(a.id, 't1', 'source', at);
    expect(await act.ticketLinks('t1')).toEqual([{ articleId: a.id, relation: 'source' }]);
  });
});
