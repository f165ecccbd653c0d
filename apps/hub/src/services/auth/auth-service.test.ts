import { newId } from '@deskside/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../log/logger.js';
import { captureLogger, fakeClock, tempStore } from '../../test-support/temp.js';
import { createAuditService } from '../audit/audit-service.js';
import { ServiceError } from '../service-error.js';
import { createAuthService, type AuthService } from './auth-service.js';
import { hashPassword } from './password.js';
import { sha256Hex } from './secrets.js';

describe('auth service', () => {
  let temp: Awaited<ReturnType<typeof tempStore>>;
  let time: ReturnType<typeof fakeClock>;
  let auth: AuthService;

  beforeEach(async () => {
    temp = await tempStore();
    time = fakeClock();
    auth = createAuthService({ store: temp.store, clock: time.clock, logger: silentLogger(), sessionHours: 12 });
    await temp.store.users.create({
      id: newId(),
      username: 'alice',
      displayName: 'Alice',
      role: 'technician',
      passwordHash: await hashPassword('alice-password'),
      createdAt: time.clock(),
      disabledAt: null,
    });
  });
  afterEach(() => temp.cleanup());

  it('logs in with the right password and answers a token that authenticates', async () => {
    const answer = await auth.login({ username: 'Alice', password: 'alice-password' });
    expect(answer.user).toMatchObject({ username: 'alice', role: 'technician', displayName: 'Alice' });
    expect(answer.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(answer.expiresAt).toBe(new Date(time.clock().getTime() + 12 * 3_600_000).toISOString());
    const who = await auth.authenticate(answer.token);
    expect(who).toMatchObject({ userId: answer.user.id, role: 'technician' });
    // Only the hash of the token is stored.
    const session = await temp.store.sessions.findByTokenHash(sha256Hex(answer.token));
    expect(session?.id).toBe(who?.sessionId);
  });

  it('answers the same refusal for a wrong password and an unknown user', async () => {
    const wrong = await auth.login({ username: 'alice', password: 'nope' }).catch((e: unknown) => e);
    const unknown = await auth.login({ username: 'mallory', password: 'nope' }).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(ServiceError);
    expect(unknown).toBeInstanceOf(ServiceError);
    expect({ ...(wrong as ServiceError), message: (wrong as ServiceError).message }).toEqual({
      ...(unknown as ServiceError),
      message: (unknown as ServiceError).message,
    });
    expect((wrong as ServiceError).code).toBe('unauthorized');
  });

  it('refuses a session once it has expired', async () => {
    const { token } = await auth.login({ username: 'alice', password: 'alice-password' });
    time.advance(12 * 3_600_000 - 1000);
    expect(await auth.authenticate(token)).toBeDefined();
    time.advance(1000);
    expect(await auth.authenticate(token)).toBeUndefined();
  });

  it('refuses a session after logout', async () => {
    const { token } = await auth.login({ username: 'alice', password: 'alice-password' });
    const who = await auth.authenticate(token);
    if (!who) throw new Error('expected a session');
    await auth.logout(who);
    expect(await auth.authenticate(token)).toBeUndefined();
  });

  it('refuses garbage and unknown tokens without a lookup error', async () => {
    expect(await auth.authenticate('')).toBeUndefined();
    expect(await auth.authenticate('not a token!')).toBeUndefined();
    expect(await auth.authenticate('A'.repeat(43))).toBeUndefined();
  });

  it('never logs or audits a password typed into the name box', async () => {
    const logs = captureLogger();
    const audit = createAuditService({ store: temp.store, clock: time.clock, logger: silentLogger() });
    const audited = createAuthService({ store: temp.store, clock: time.clock, logger: logs.logger, sessionHours: 12, audit });
    const secret = 'Correct-Horse-42!';
    await audited.login({ username: secret, password: '' }).catch(() => undefined);
    await audited.login({ username: 'alice', password: 'nope' }).catch(() => undefined);
    const trail = JSON.stringify(await temp.store.audit.page(10));
    expect(logs.text()).not.toContain(secret);
    expect(trail).not.toContain(secret);
    // The refusal of a real account still names it.
    expect(logs.text()).toContain('alice');
    expect(trail).toContain('login.failure');
  });
});
