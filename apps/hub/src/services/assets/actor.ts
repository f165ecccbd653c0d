import type { Store } from '@deskside/store';
import type { AuthenticatedUser } from '../auth/session.js';
import { ServiceError } from '../service-error.js';

/** Who made a change, by id and by the name shown in histories (as it was then). */
export interface Actor {
  userId: string;
  name: string;
}

/** Resolves the signed-in user to an actor; auditors read but never change asset data. */
export async function writerActor(store: Store, user: AuthenticatedUser): Promise<Actor> {
  if (user.role === 'auditor') throw new ServiceError('forbidden', 'Auditors can view but not change asset records.');
  return readerActor(store, user);
}

export async function readerActor(store: Store, user: AuthenticatedUser): Promise<Actor> {
  const record = await store.users.findById(user.userId);
  return { userId: user.userId, name: record ? record.displayName || record.username : 'unknown user' };
}
