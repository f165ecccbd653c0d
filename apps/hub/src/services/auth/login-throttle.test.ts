import type { Store } from '@deskside/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeClock, tempStore } from '../../test-support/temp.js';
import { type ServiceError } from '../service-error.js';
import { createLoginThrottle, type LoginThrottleOptions } from './login-throttle.js';

const refusal = async (attempt: Promise<unknown>): Promise<ServiceError | undefined> => {
  try {
    await attempt;
    return undefined;
  } catch (e) {
    return e as ServiceError;
  }
};

let temp: Awaited<ReturnType<typeof tempStore>>;
let time: ReturnType<typeof fakeClock>;
beforeEach(async () => {
  temp = await tempStore();
  time = fakeClock();
});
afterEach(() => temp.cleanup());

const throttleOf = (store: Store, options: Partial<LoginThrottleOptions> = {}) =>
  createLoginThrottle({ attempts: store.attempts, clock: time.clock, tag: (t) => `tag(${t})`, ...options });

describe('login throttle', () => {
  it('locks an account after its attempts, from any address, until the window ends', async () => {
    const throttle = throttleOf(temp.store, { maxAccountFailures: 3, windowMs: 60_000 });
    for (let i = 0; i < 3; i++) await throttle.begin('Alice', `10.0.0.${i}`);
    expect(await refusal(throttle.begin('alice', '192.0.2.9'))).toMatchObject({ code: 'locked', retryAfterSeconds: 60 });
    time.advance(59_000);
    expect(await refusal(throttle.begin('ALICE', '192.0.2.9'))).toMatchObject({ code: 'locked', retryAfterSeconds: 1 });
    time.advance(1000);
    expect(await refusal(throttle.begin('alice', '192.0.2.9'))).toBeUndefined();
  });

  it('counts simultaneous attempts before any is checked: 400 at once, 10 get through', async () => {
    const throttle = throttleOf(temp.store);
    const outcomes = await Promise.all(Array.from({ length: 400 }, (_, i) => refusal(throttle.begin('alice', `10.1.${i >> 8}.${i & 255}`))));
    expect(outcomes.filter((o) => o === undefined)).toHaveLength(10);
    expect(outcomes.filter((o) => o?.code === 'locked')).toHaveLength(390);
  });

  it('is shared by every hub on the database (a second throttle sees the first one\'s attempts)', async () => {
    const first = throttleOf(temp.store, { maxAccountFailures: 2 });
    const second = throttleOf(temp.store, { maxAccountFailures: 2 });
    await first.begin('alice', '10.0.0.1');
    await second.begin('alice', '10.0.0.2');
    expect(await refusal(first.begin('alice', '10.0.0.3'))).toMatchObject({ code: 'locked' });
  });

  it('treats an unknown user exactly like a known one, and never stores the typed name', async () => {
    const throttle = throttleOf(temp.store, { maxAccountFailures: 2 });
    for (const name of ['alice', 'nobody-here']) {
      await throttle.begin(name, '127.0.0.1');
      await throttle.begin(name, '127.0.0.1');
    }
    expect(await refusal(throttle.begin('alice', '127.0.0.2'))).toEqual(await refusal(throttle.begin('nobody-here', '127.0.0.2')));
  });

  it('a success forgets the account and gives the address its attempt back, not the others', async () => {
    const throttle = throttleOf(temp.store, { maxAccountFailures: 100, maxAddressFailures: 5 });
    for (let i = 0; i < 4; i++) await throttle.begin(`user${i}`, '198.51.100.7');
    await (await throttle.begin('user0', '198.51.100.7')).succeeded();
    await throttle.begin('user9', '198.51.100.7');
    expect(await refusal(throttle.begin('someone', '198.51.100.7'))).toMatchObject({ code: 'rate_limited' });
    expect(await refusal(throttle.begin('someone', '198.51.100.8'))).toBeUndefined();
  });

  it('a right password still waiting for its code is not a guess', async () => {
    const throttle = throttleOf(temp.store, { maxAccountFailures: 1 });
    await (await throttle.begin('alice', '10.0.0.1')).notAGuess();
    expect(await refusal(throttle.begin('alice', '10.0.0.1'))).toBeUndefined();
  });
});
