import type { AuditEntry } from '@deskside/protocol';
import type { AuditRecord, Repositories, Store } from '@deskside/store';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../log/logger.js';
import { auditRowHash, ChainVerifier, GENESIS_HASH, type ChainVerdict } from './audit-chain.js';
import type { AuthenticatedUser } from '../auth/session.js';
import { auditFor } from './audit-scope.js';

/** Who did it: a signed-in person, or the hub itself / an anonymous caller (failed logins). */
export interface AuditActor {
  id: string;
  name: string;
}

export const SYSTEM_ACTOR: AuditActor = { id: 'system', name: 'system' };

/**
 * The append-only audit log of technician actions, for any service to call: logins, user and role
 * changes, tokens, devices, exports, attachment views, ticket changes.
 */
export interface AuditService {
  /** Appends one row in its own transaction. Never throws: a failed audit write is logged loudly. */
  record(actor: AuditActor, action: string, target: string, details?: Record<string, unknown>): Promise<void>;
  /** Appends inside the caller's transaction, so the action and its audit row commit together. */
  recordIn(tx: Repositories, actor: AuditActor, action: string, target: string, details?: Record<string, unknown>): Promise<void>;
  list(limit: number, before?: number): Promise<AuditEntry[]>;
  /** The entries `who` may read (site scope: auditFor). */
  listFor(who: AuthenticatedUser, limit: number, before?: number): Promise<AuditEntry[]>;
  /** Re-hashes the whole chain, in pages. */
  verify(): Promise<ChainVerdict>;
}

export interface AuditDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
}

const MAX_DETAILS_CHARS = 4096;
const VERIFY_PAGE = 1000;

export function createAuditService(deps: AuditDeps): AuditService {
  const list: AuditService['list'] = async (limit, before) => {
    const rows = await deps.store.audit.page(limit, before);
    return rows.map(({ prevHash: _prev, ...row }) => ({ ...row, at: row.at.toISOString() }));
  };
  const recordIn: AuditService['recordIn'] = async (tx, actor, action, target, details = {}) => {
    // Serialized append: under the chain's write lock, no other writer can chain onto `last`.
    await tx.audit.lockChain();
    const last = await tx.audit.last();
    const draft: Omit<AuditRecord, 'hash'> = {
      seq: (last?.seq ?? 0) + 1,
      at: deps.clock(),
      actorId: actor.id.slice(0, 64),
      actorName: actor.name.slice(0, 128),
      action: action.slice(0, 64),
      target: target.slice(0, 256),
      details: bounded(details),
      prevHash: last?.hash ?? GENESIS_HASH,
    };
    await tx.audit.append({ ...draft, hash: auditRowHash(draft) });
  };
  return {
    recordIn,
    async record(actor, action, target, details) {
      try {
        await deps.store.transaction((tx) => recordIn(tx, actor, action, target, details), { retries: 5 });
      } catch (err) {
        deps.logger.error('audit write failed', { action, err: String(err) });
      }
    },
    list,
    listFor: (who, limit, before) => auditFor(deps.store, list, who, limit, before),
    verify: () => verifyAuditChain(deps.store),
  };
}

/** Re-hashes the whole audit chain, oldest first, in bounded pages. */
export async function verifyAuditChain(store: Pick<Store, 'audit'>): Promise<ChainVerdict> {
  const verifier = new ChainVerifier();
  let after = 0;
  for (;;) {
    const rows = await store.audit.scan(after, VERIFY_PAGE);
    if (!verifier.push(rows) || rows.length < VERIFY_PAGE) break;
    after = rows[rows.length - 1]?.seq ?? after;
  }
  return verifier.verdict();
}

/** Details are JSON-safe and bounded; a caller cannot bloat the log with a huge object. */
function bounded(details: Record<string, unknown>): Record<string, unknown> {
  const json = JSON.stringify(details) ?? '{}';
  if (json.length <= MAX_DETAILS_CHARS) return JSON.parse(json) as Record<string, unknown>;
  return { truncated: true, preview: json.slice(0, 512) };
}
