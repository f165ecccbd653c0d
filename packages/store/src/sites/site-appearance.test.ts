import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aSite, at } from '../test-support/records.js';
import { openTempStore, type TempStore } from '../test-support/temp-store.js';

let temp: TempStore;
beforeEach(async () => {
  temp = await openTempStore();
});
afterEach(() => temp.cleanup());

describe('site appearance', () => {
  it('has none until set, then keeps the latest per site', async () => {
    const [a, b] = [aSite({ name: 'Lyon' }), aSite({ name: 'Paris' })];
    await temp.store.sites.create(a);
    await temp.store.sites.create(b);
    expect(await temp.store.siteAppearance.get(a.id)).toBeUndefined();

    await temp.store.siteAppearance.put({ siteId: a.id, branding: '{"companyName":"Acme"}', language: 'fr', stamp: 's1', updatedAt: at(1), updatedBy: 'Alice' });
    await temp.store.siteAppearance.put({ siteId: a.id, branding: '{"companyName":"Acme Lyon"}', language: null, stamp: 's2', updatedAt: at(2), updatedBy: 'Bob' });
    await temp.store.siteAppearance.put({ siteId: b.id, branding: '{}', language: 'de', stamp: 's3', updatedAt: at(3), updatedBy: 'Alice' });

    expect(await temp.store.siteAppearance.stamp(a.id)).toBe('s2');
    expect(await temp.store.siteAppearance.stamp(aSite().id)).toBeUndefined();
    expect(await temp.store.siteAppearance.get(a.id)).toEqual({ siteId: a.id, branding: '{"companyName":"Acme Lyon"}', language: null, stamp: 's2', updatedAt: at(2), updatedBy: 'Bob' });
    expect((await temp.store.siteAppearance.list()).map((r) => r.language).sort()).toEqual(['de', null].sort());
  });

  it('refuses an appearance for a site that does not exist', async () => {
    await expect(temp.store.siteAppearance.put({ siteId: aSite().id, branding: '{}', language: null, stamp: 's', updatedAt: at(1), updatedBy: 'Alice' })).rejects.toThrow();
  });
});
