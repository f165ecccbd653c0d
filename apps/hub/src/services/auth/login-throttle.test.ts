import { describe, expect, it } from 'vitest';
import { fakeClock } from '../../test-support/temp.js';
import { type ServiceError } from '../service-error.js';
import { createLoginThrottle } from './login-throttle.js';

const refusal = (fn: () => void): ServiceError | undefined => {
  try {
    fn();
    return undefined;
  } catch (e) {
    return e as ServiceError;
  }
};

describe('login throttle', () => {
  it('locks an account after its failures, from any address, until the window ends', () => {
    const time = fakeClock();
    const throttle = createLoginThrottle({ clock: time.clock, maxAccountFailures: 3, windowMs: 60_000 });
    for (let i = 0; i < 3; i++) throttle.failed('Alice', `10.0.0.${i}`);
    const locked = refusal(() => throttle.check('alice', '192.0.2.9'));
    expect(locked).toMatchObject({ code: 'locked', retryAfterSeconds: 60 });
    time.advance(59_000);
    expect(refusal(() => throttle.check('ALICE', '192.0.2.9'))).toMatchObject({ code: 'locked', retryAfterSeconds: 1 });
    time.advance(1000);
    expect(refusal(() => throttle.check('alice', '192.0.2.9'))).toBeUndefined();
  });

  it('treats an unknown user exactly like a known one (keyed by the name typed)', () => {
    const time = fakeClock();
    const throttle = createLoginThrottle({ clock: time.clock, maxAccountFailures: 2 });
    for (const name of ['alice', 'nobody-here']) {
      throttle.failed(name, '127.0.0.1');
      throttle.failed(name, '127.0.0.1');
    }
    expect(refusal(() => throttle.check('alice', '127.0.0.2'))).toEqual(refusal(() => throttle.check('nobody-here', '127.0.0.2')));
  });

  it('slows an address spraying many accounts, and a success does not reset the address', () => {
    const time = fakeClock();
    const throttle = createLoginThrottle({ clock: time.clock, maxAccountFailures: 100, maxAddressFailures: 5 });
    for (let i = 0; i < 4; i++) throttle.failed(`user${i}`, '198.51.100.7');
    throttle.succeeded('user0');
    throttle.failed('user9', '198.51.100.7');
    expect(refusal(() => throttle.check('someone', '198.51.100.7'))).toMatchObject({ code: 'rate_limited' });
    expect(refusal(() => throttle.check('someone', '198.51.100.8'))).toBeUndefined();
  });
});
