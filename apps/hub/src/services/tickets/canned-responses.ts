import type { CannedResponse } from '@deskside/protocol';
import type { CannedResponseRecord } from '@deskside/store';
import type { AuthenticatedUser } from '../auth/session.js';
import type { TicketDeps } from './ticket-deps.js';

const present = (r: CannedResponseRecord): CannedResponse => ({ id: r.id, title: r.title, body: r.body, createdBy: r.createdBy, createdAt: r.createdAt.toISOString() });

/** Replies technicians keep for reuse; the author is named as tickets name them (display name). */
export function createCannedResponses({ store, clock, newId }: Pick<TicketDeps, 'store' | 'clock' | 'newId'>) {
  return {
    async list(): Promise<CannedResponse[]> {
      return (await store.cannedResponses.list()).map(present);
    },
    async create(user: AuthenticatedUser, input: { title: string; body: string }): Promise<CannedResponse> {
      const author = (await store.users.findById(user.userId))?.displayName ?? 'technician';
      const record: CannedResponseRecord = { id: newId(), title: input.title, body: input.body, createdBy: author, createdAt: clock() };
      await store.cannedResponses.create(record);
      return present(record);
    },
  };
}

export type CannedResponses = ReturnType<typeof createCannedResponses>;
