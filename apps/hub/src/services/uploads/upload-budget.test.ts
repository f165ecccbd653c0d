import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ServiceError } from '../service-error.js';
import { tempStore } from '../../test-support/temp.js';
import { createUploadBudget, type UploadBudget } from './upload-budget.js';

describe('upload budget', () => {
  let temp: Awaited<ReturnType<typeof tempStore>>;
  let budget: UploadBudget;
  const at = new Date('2026-03-01T10:00:00Z');
  const alice = { kind: 'user', id: 'u-alice' } as const;
  beforeEach(async () => {
    temp = await tempStore();
    budget = createUploadBudget(temp.store.attempts, { devicePerDay: 100, userPerDay: 10 });
  });
  afterEach(() => temp.cleanup());

  it('lets each owner store its day’s bytes and refuses the rest, saying when to come back', async () => {
    await budget.reserve(alice, 6, at);
    await budget.reserve(alice, 4, at);
    const refused = await budget.reserve(alice, 1, new Date(at.getTime() + 3_600_000)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ServiceError);
    expect(refused).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 23 * 3600 });
    // Another user, and a device, have budgets of their own.
    await budget.reserve({ kind: 'user', id: 'u-bob' }, 10, at);
    await budget.reserve({ kind: 'device', id: 'd-1' }, 100, at);
    // A new day starts over.
    await budget.reserve(alice, 10, new Date(at.getTime() + 25 * 3_600_000));
  });

  it('gives the bytes of a failed write back, once', async () => {
    const refund = await budget.reserve(alice, 8, at);
    await refund();
    await refund();
    await budget.reserve(alice, 10, at);
    await expect(budget.reserve(alice, 1, at)).rejects.toMatchObject({ code: 'rate_limited' });
  });

  it('never lets parallel uploads overshoot together', async () => {
    const results = await Promise.allSettled(Array.from({ length: 25 }, () => budget.reserve(alice, 1, at)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
  });
});
