import { randomBytes } from 'node:crypto';
import { newId } from '@deskside/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../log/logger.js';
import { createMetricsRegistry } from '../../metrics/registry.js';
import { fakeClock, tempStore } from '../../test-support/temp.js';
import { createSecretBox } from '../auth/secret-box.js';
import { WebhookDispatcher } from './webhook-dispatcher.js';
import { verifyWebhook } from './webhook-signature.js';

describe('webhook dispatcher', () => {
  let temp: Awaited<ReturnType<typeof tempStore>>;
  const time = fakeClock();
  const box = createSecretBox(randomBytes(32));
  const sub = newId();
  let answers: number[] = [];
  const seen: Array<{ signature: string | null; body: string }> = [];
  const fetchStub: typeof fetch = (_url, init) => {
    const headers = new Headers(init?.headers);
    seen.push({ signature: headers.get('x-deskside-signature'), body: String(init?.body) });
    const status = answers.shift() ?? 500;
    return Promise.resolve(new Response(null, { status: status === 0 ? 500 : status }));
  };

  beforeEach(async () => {
    temp = await tempStore();
    answers = [];
    seen.length = 0;
    await temp.store.webhooks.createSubscription({ id: sub, label: 'x', urlEnc: box.seal('https://hooks.example/in'), secretEnc: box.seal('s3cret'), format: 'deskside', events: ['ticket.created'], siteIds: [], createdBy: newId(), createdAt: time.clock(), disabledAt: null });
    await temp.store.webhooks.enqueue([{ id: newId(), subscriptionId: sub, event: 'ticket.created', payload: '{"id":"1"}', status: 'pending', attempts: 0, nextAttemptAt: time.clock(), lastStatus: null, lastError: null, createdAt: time.clock(), finishedAt: null }]);
  });
  afterEach(() => temp.cleanup());

  const dispatcher = (metrics = createMetricsRegistry({ defaultMetrics: false })) =>
    new WebhookDispatcher({ store: temp.store, clock: time.clock, logger: silentLogger(), secretBox: box, outcomes: metrics.counter('out_total', 'o', ['format', 'outcome']), fetch: fetchStub, options: { maxAttempts: 3, baseBackoffMs: 1_000 } });

  it('signs each attempt at send time, retries with doubling backoff, and gives up after N', async () => {
    const metrics = createMetricsRegistry({ defaultMetrics: false });
    const d = dispatcher(metrics);
    answers = [503, 500, 500];
    expect(await d.runOnce()).toEqual(new Date(time.clock().getTime() + 1_000));
    time.advance(999);
    await d.runOnce();
    expect(seen).toHaveLength(1);
    time.advance(1);
    expect(await d.runOnce()).toEqual(new Date(time.clock().getTime() + 2_000));
    time.advance(2_000);
    expect(await d.runOnce()).toBeUndefined();
    const [log] = await temp.store.webhooks.recent(sub, 5);
    expect(log).toMatchObject({ status: 'dead', attempts: 3, lastStatus: 500, lastError: 'HTTP 500' });
    expect(seen.map((s) => verifyWebhook('s3cret', s.signature ?? undefined, s.body, time.clock().getTime() / 1000))).toEqual(['ok', 'ok', 'ok']);
    expect(seen[0]?.signature).not.toBe(seen[2]?.signature);
    const text = await metrics.render();
    expect(text).toContain('out_total{format="deskside",outcome="retry"} 2');
    expect(text).toContain('out_total{format="deskside",outcome="dead"} 1');
  });

  it('marks a delivery sent on a 2xx and sends nothing for a deleted subscription', async () => {
    answers = [202];
    await dispatcher().runOnce();
    expect((await temp.store.webhooks.recent(sub, 5))[0]).toMatchObject({ status: 'sent', attempts: 1, lastStatus: 202 });
    await temp.store.webhooks.enqueue([{ id: newId(), subscriptionId: sub, event: 'ticket.created', payload: '{}', status: 'pending', attempts: 0, nextAttemptAt: time.clock(), lastStatus: null, lastError: null, createdAt: time.clock(), finishedAt: null }]);
    await temp.store.webhooks.disableSubscription(sub, time.clock());
    await dispatcher().runOnce();
    expect(seen).toHaveLength(1);
  });

  it('a receiver refuses a stale, altered or unsigned delivery', () => {
    const now = 1_800_000_000;
    const good = `t=${now},v1=${'0'.repeat(64)}`;
    expect(verifyWebhook('k', good, '{}', now)).toBe('mismatch');
    expect(verifyWebhook('k', undefined, '{}', now)).toBe('malformed');
    expect(verifyWebhook('k', good, '{}', now + 301)).toBe('stale');
  });
});
