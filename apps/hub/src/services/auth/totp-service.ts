import type { TotpEnrollment } from '@deskside/protocol';
import type { Store } from '@deskside/store';
import type { Clock } from '../../clock.js';
import type { AuditService } from '../audit/audit-service.js';
import { ServiceError } from '../service-error.js';
import type { SecretBox } from './secret-box.js';
import type { AuthenticatedUser } from './session.js';
import { matchTotp, newTotpSecret, otpauthUri } from './totp.js';

/** A person's own TOTP second factor: begin (secret shown once), confirm with a code, remove. */
export interface TotpService {
  begin(who: AuthenticatedUser): Promise<TotpEnrollment>;
  confirm(who: AuthenticatedUser, code: string): Promise<void>;
  /** Needs a current code, so a stolen session alone cannot strip the factor. */
  remove(who: AuthenticatedUser, code: string): Promise<void>;
}

export function createTotpService(deps: { store: Store; clock: Clock; secretBox: SecretBox; audit: AuditService }): TotpService {
  const actor = async (who: AuthenticatedUser) => {
    const user = await deps.store.users.findById(who.userId);
    if (!user) throw new ServiceError('unauthorized', 'Sign in first.');
    return user;
  };
  /** Checks a code against the confirmed or pending secret and spends its step. */
  const spend = async (who: AuthenticatedUser, code: string, confirmed: boolean): Promise<number> => {
    const factor = await deps.store.totp.get(who.userId);
    if (!factor || (factor.confirmedAt !== null) !== confirmed) {
      throw new ServiceError('conflict', confirmed ? 'Two-factor sign-in is not on.' : 'Start two-factor setup first.');
    }
    const secret = deps.secretBox.open(factor.secretEnc);
    const step = secret === undefined ? undefined : matchTotp(secret, code, deps.clock());
    if (step === undefined || (factor.lastStep !== null && step <= factor.lastStep)) throw new ServiceError('unauthorized', 'Wrong or already used code.');
    if (confirmed && !(await deps.store.totp.spendStep(who.userId, step))) throw new ServiceError('unauthorized', 'Wrong or already used code.');
    return step;
  };
  return {
    async begin(who) {
      const user = await actor(who);
      if ((await deps.store.totp.get(who.userId))?.confirmedAt) throw new ServiceError('conflict', 'Two-factor sign-in is already on; remove it first.');
      const secret = newTotpSecret();
      await deps.store.totp.begin(who.userId, deps.secretBox.seal(secret), deps.clock());
      return { secret, otpauthUri: otpauthUri(secret, user.username) };
    },
    async confirm(who, code) {
      const user = await actor(who);
      const step = await spend(who, code, false);
      await deps.store.totp.confirm(who.userId, deps.clock(), step);
      await deps.audit.record({ id: user.id, name: user.username }, 'totp.enable', `user:${user.id}`);
    },
    async remove(who, code) {
      const user = await actor(who);
      await spend(who, code, true);
      await deps.store.totp.remove(who.userId);
      await deps.audit.record({ id: user.id, name: user.username }, 'totp.disable', `user:${user.id}`);
    },
  };
}
