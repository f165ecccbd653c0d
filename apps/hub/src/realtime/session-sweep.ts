import { fail, type SessionEnded } from '@deskside/protocol';
import type { Clock } from '../clock.js';
import type { Logger } from '../log/logger.js';
import type { SessionStatus } from '../services/auth/session-status.js';
import type { ConsoleNamespace, ConsoleSocket } from './context.js';

export interface SessionSweepDeps {
  consoles: ConsoleNamespace;
  /** Where a session stands now (store-backed). */
  status: (sessionId: string) => Promise<SessionStatus>;
  /** Deletes the sessions that expired before now; answers how many. */
  prune: () => Promise<number>;
  clock: Clock;
  logger: Logger;
}

/** Ends the console sockets whose session has expired, or was revoked without this hub hearing of it. */
export interface SessionSweeper {
  /** Re-checks the session of every console socket on this hub; answers how many sockets it ended. */
  sweep(): Promise<number>;
  /** Deletes expired sessions from the store; answers how many. */
  prune(): Promise<number>;
  /** Resolves once a sweep under way has finished. */
  idle(): Promise<void>;
}

/**
 * A console socket is authenticated once, at its handshake; this keeps that decision true for as
 * long as the socket lives. Revocation already ends sockets through the session rooms (on every
 * hub, via the adapter); expiry has no such moment, so the hub sweeps:
 * - each hub checks only its OWN sockets (`consoles.sockets`), so N hubs behind an adapter each
 *   cover theirs and nothing is broadcast between them;
 * - every socket is re-checked, not "sessions expired since the last sweep", so a socket that
 *   connected while a sweep was running, or missed a revocation broadcast (adapter outage, a
 *   logout before it ended sockets), is still caught by the next sweep;
 * - a socket is also checked as soon as it connects (after it joined its session room), which
 *   closes the gap between its handshake's token check and the room join;
 * - each event a socket sends is checked against the expiry learnt from the store, without a
 *   query, so an expired console cannot ask for a fresh snapshot between sweeps.
 * Sessions have an absolute lifetime only (no idle timeout): activity on a socket never extends
 * it, so a console left open on a wall screen signs out at the same instant as any other.
 */
export function createSessionSweeper(deps: SessionSweepDeps): SessionSweeper {
  // Expiry (epoch ms) of the sessions that have sockets here, as last read from the store.
  const expiries = new Map<string, number>();
  let running: Promise<number> | undefined;

  const socketsOf = (sessionId: string): ConsoleSocket[] => [...deps.consoles.sockets.values()].filter((s) => s.data.sessionId === sessionId);

  /** `session:ended` first, then the disconnect, so the console knows why it was dropped. */
  const end = (sessionId: string, reason: SessionEnded['reason'], beforeDisconnect?: () => void): number => {
    expiries.delete(sessionId);
    const sockets = socketsOf(sessionId);
    for (const socket of sockets) socket.emit('session:ended', { reason });
    beforeDisconnect?.();
    for (const socket of sockets) socket.disconnect();
    return sockets.length;
  };

  const check = async (sessionId: string): Promise<number> => {
    const known = expiries.get(sessionId);
    // A known expiry decides without the store, so expiry is enforced even while the store is unreachable.
    if (known !== undefined && known <= deps.clock().getTime()) return end(sessionId, 'expired');
    const status = await deps.status(sessionId);
    if (status.state !== 'active') return end(sessionId, status.state);
    if (socketsOf(sessionId).length > 0) expiries.set(sessionId, status.expiresAt.getTime());
    return 0;
  };

  deps.consoles.on('connection', (socket) => {
    const sessionId = socket.data.sessionId;
    socket.use(([, ...args], next) => {
      const known = expiries.get(sessionId);
      if (known === undefined || known > deps.clock().getTime()) {
        next();
        return;
      }
      const ack = args[args.length - 1];
      end(sessionId, 'expired', () => {
        if (typeof ack === 'function') (ack as (a: unknown) => void)(fail('unauthorized', 'your session expired; sign in again'));
      });
    });
    socket.on('disconnect', () => {
      if (socketsOf(sessionId).length === 0) expiries.delete(sessionId);
    });
    if (!expiries.has(sessionId)) {
      check(sessionId).catch((err: unknown) => deps.logger.warn('console session check failed', { err: String(err) }));
    }
  });

  const sweepOnce = async (): Promise<number> => {
    const live = new Set([...deps.consoles.sockets.values()].map((s) => s.data.sessionId));
    for (const id of expiries.keys()) if (!live.has(id)) expiries.delete(id);
    let ended = 0;
    let failed = 0;
    // One indexed lookup per live session, in turn: consoles are few, and this keeps the store unhurried.
    for (const id of live) {
      try {
        ended += await check(id);
      } catch {
        // Fail open for this round only: the store's answer is unknown, and the next sweep asks again.
        failed += 1;
      }
    }
    if (failed > 0) deps.logger.warn('console session sweep could not check some sessions', { failed });
    if (ended > 0) deps.logger.info('console sockets of ended sessions disconnected', { sockets: ended });
    return ended;
  };

  return {
    sweep() {
      // One sweep at a time: a slow store must not pile sweeps up.
      running ??= sweepOnce().finally(() => {
        running = undefined;
      });
      return running;
    },
    async prune() {
      const deleted = await deps.prune();
      if (deleted > 0) deps.logger.info('expired sessions pruned', { deleted });
      return deleted;
    },
    async idle() {
      await running?.catch(() => undefined);
    },
  };
}
