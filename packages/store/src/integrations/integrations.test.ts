import { newId } from '@deskside/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aUser, at, T0 } from '../test-support/records.js';
import { openTempStore, type TempStore } from '../test-support/temp-store.js';
import type { WebhookDeliveryRecord } from './integration-types.js';

let temp: TempStore;
let userId: string;
beforeEach(async () => {
  temp = await openTempStore();
  const user = aUser();
  userId = user.id;
  await temp.store.users.create(user);
});
afterEach(() => temp.cleanup());

describe('api tokens', () => {
  it('stores a token by hash, records its last use and revokes it once', async () => {
    const id = newId();
    await temp.store.apiTokens.create({ id, label: 'Snipe-IT sync', tokenHash: 'h1', prefix: 'dsk_ab12', scopes: ['devices:read'], siteIds: [], createdBy: userId, createdAt: T0, expiresAt: null, lastUsedAt: null, revokedAt: null });
    expect((await temp.store.apiTokens.findByTokenHash('h1'))?.scopes).toEqual(['devices:read']);
    expect(await temp.store.apiTokens.findByTokenHash('h2')).toBeUndefined();
    await temp.store.apiTokens.touch(id, at(5));
    expect((await temp.store.apiTokens.findById(id))?.lastUsedAt).toEqual(at(5));
    expect(await temp.store.apiTokens.revoke(id, at(6))).toBe(true);
    expect(await temp.store.apiTokens.revoke(id, at(7))).toBe(false);
    expect((await temp.store.apiTokens.list()).map((t) => t.revokedAt)).toEqual([at(6)]);
  });
});

describe('webhook deliveries', () => {
  const delivery = (subscriptionId: string, n: number): WebhookDeliveryRecord => ({
    id: newId(),
    subscriptionId,
    event: 'ticket.created',
    payload: `{"n":${n}}`,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: at(n),
    lastStatus: null,
    lastError: null,
    createdAt: at(n),
    finishedAt: null,
  });

  it('queues once per id, hands out what is due in order, and keeps a log', async () => {
    const sub = newId();
    await temp.store.webhooks.createSubscription({ id: sub, label: 'Ops', urlEnc: 'u', secretEnc: 's', format: 'deskside', events: ['ticket.created'], siteIds: [], createdBy: userId, createdAt: T0, disabledAt: null });
    const [a, b] = [delivery(sub, 1), delivery(sub, 2)];
    await temp.store.webhooks.enqueue([a, b]);
    await temp.store.webhooks.enqueue([a]);
    expect((await temp.store.webhooks.due(at(1), 10)).map((d) => d.id)).toEqual([a.id]);
    expect(await temp.store.webhooks.nextDue()).toEqual(at(1));
    await temp.store.webhooks.recordAttempt(a.id, { status: 'sent', attempts: 1, nextAttemptAt: at(1), lastStatus: 204, lastError: null, at: at(3) });
    await temp.store.webhooks.recordAttempt(b.id, { status: 'pending', attempts: 1, nextAttemptAt: at(9), lastStatus: 500, lastError: 'HTTP 500', at: at(3) });
    expect(await temp.store.webhooks.due(at(8), 10)).toEqual([]);
    expect(await temp.store.webhooks.nextDue()).toEqual(at(9));
    const log = await temp.store.webhooks.recent(sub, 10);
    expect(log.map((d) => [d.status, d.lastStatus])).toEqual([['pending', 500], ['sent', 204]]);
    expect(await temp.store.webhooks.disableSubscription(sub, at(10))).toBe(true);
    expect((await temp.store.webhooks.recent(sub, 10)).map((d) => d.status)).toEqual(['dead', 'sent']);
    expect(await temp.store.webhooks.nextDue()).toBeUndefined();
  });
});
