import { newId } from '@deskside/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../open-store.js';
import { aSite, at, T0 } from '../test-support/records.js';
import { openTempStore, type TempStore } from '../test-support/temp-store.js';
import type { EnrollTokenRecord } from '../types.js';

let temp: TempStore;
let siteId: string;
beforeEach(async () => {
  temp = await openTempStore();
  const site = aSite();
  siteId = site.id;
  await temp.store.sites.create(site);
});
afterEach(() => temp.cleanup());

function aToken(overrides: Partial<EnrollTokenRecord> = {}): EnrollTokenRecord {
  return {
    id: newId(),
    tokenHash: newId(),
    siteId,
    label: 'Front desk PCs',
    createdAt: T0,
    expiresAt: null,
    maxUses: null,
    uses: 0,
    revokedAt: null,
    ...overrides,
  };
}

async function usesOf(token: EnrollTokenRecord): Promise<number | undefined> {
  return (await temp.store.enrollTokens.findByTokenHash(token.tokenHash))?.uses;
}

describe('enroll tokens', () => {
  it('round-trips and lists in creation order', async () => {
    const later = aToken({ createdAt: at(1), expiresAt: at(1000), maxUses: 3, label: 'later' });
    const first = aToken();
    await temp.store.enrollTokens.create(later);
    await temp.store.enrollTokens.create(first);
    expect(await temp.store.enrollTokens.list()).toEqual([first, later]);
    expect(await temp.store.enrollTokens.findByTokenHash(later.tokenHash)).toEqual(later);
    expect(await temp.store.enrollTokens.findByTokenHash('nope')).toBeUndefined();
  });

  it('consumeUse stops at max uses', async () => {
    const token = aToken({ maxUses: 2 });
    await temp.store.enrollTokens.create(token);
    expect(await temp.store.enrollTokens.consumeUse(token.id, T0)).toBe(true);
    expect(await temp.store.enrollTokens.consumeUse(token.id, T0)).toBe(true);
    expect(await temp.store.enrollTokens.consumeUse(token.id, T0)).toBe(false);
    expect(await usesOf(token)).toBe(2);
  });

  it('consumeUse is unlimited without max uses', async () => {
    const token = aToken();
    await temp.store.enrollTokens.create(token);
    for (let i = 0; i < 5; i++) expect(await temp.store.enrollTokens.consumeUse(token.id, T0)).toBe(true);
    expect(await usesOf(token)).toBe(5);
  });

  it('consumeUse refuses at and after expiry', async () => {
    const token = aToken({ expiresAt: at(1000) });
    await temp.store.enrollTokens.create(token);
    expect(await temp.store.enrollTokens.consumeUse(token.id, at(999))).toBe(true);
    expect(await temp.store.enrollTokens.consumeUse(token.id, at(1000))).toBe(false);
    expect(await temp.store.enrollTokens.consumeUse(token.id, at(5000))).toBe(false);
    expect(await usesOf(token)).toBe(1);
  });

  it('consumeUse refuses a revoked token, and an unknown id', async () => {
    const token = aToken();
    await temp.store.enrollTokens.create(token);
    await temp.store.enrollTokens.revoke(token.id, at(1));
    await temp.store.enrollTokens.revoke(token.id, at(2));
    expect(await temp.store.enrollTokens.consumeUse(token.id, at(3))).toBe(false);
    expect(await usesOf(token)).toBe(0);
    expect((await temp.store.enrollTokens.findByTokenHash(token.tokenHash))?.revokedAt).toEqual(at(1));
    expect(await temp.store.enrollTokens.consumeUse(newId(), T0)).toBe(false);
  });

  it('never over-counts when many calls race, within one store', async () => {
    const token = aToken({ maxUses: 5 });
    await temp.store.enrollTokens.create(token);
    const results = await Promise.all(
      Array.from({ length: 40 }, () => temp.store.enrollTokens.consumeUse(token.id, T0)),
    );
    expect(results.filter(Boolean)).toHaveLength(5);
    expect(await usesOf(token)).toBe(5);
  });

  it('never over-counts when two connections to the same file race', async () => {
    const token = aToken({ maxUses: 7 });
    await temp.store.enrollTokens.create(token);
    const other = await openStore({ dataDir: temp.dir });
    try {
      const stores = [temp.store, other];
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) => (stores[i % 2] ?? temp.store).enrollTokens.consumeUse(token.id, T0)),
      );
      expect(results.filter(Boolean)).toHaveLength(7);
      expect(await usesOf(token)).toBe(7);
    } finally {
      await other.close();
    }
  });
});
