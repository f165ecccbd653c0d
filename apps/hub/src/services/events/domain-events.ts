import type { DeviceStatus, EmployeeTicket, SignedFixRequest } from '@deskside/protocol';

/**
 * What services announce after a commit, for the live side (realtime/) to push. Services publish;
 * realtime subscribes when it is wired. Nothing is late-bound: the channel exists before either.
 */
export interface DomainEventMap {
  /** These tickets changed (the coalesced console ticket feed). */
  ticketsChanged: [ids: readonly string[]];
  /** The employee's view of a ticket of this device changed (`ticket:updated`). */
  employeeTicketChanged: [deviceId: string, ticket: EmployeeTicket];
  /** These console sessions ended (revoked, expired): their sockets get `session:ended`. */
  sessionsEnded: [sessionIds: readonly string[], reason: 'revoked' | 'expired'];
  /** A device enrolled through this hub (its key hash, for the handshake cache). */
  deviceEnrolled: [deviceId: string, keyHash: string];
  /** A device was revoked: its agent sockets are dropped at once. */
  deviceRevoked: [deviceId: string];
  /** A device's stored record changed (inventory): the fleet feed re-reads it. */
  deviceChanged: [deviceId: string];
  /** A device's live status changed (fleet feed, hub checks). */
  deviceStatusChanged: [deviceId: string, status: DeviceStatus];
  /** A device's socket looks open but has been silent too long: drop it. */
  deviceStale: [deviceId: string];
  /** A site's tray branding or default language changed: its agents ask for it again. */
  siteAppearanceChanged: [siteId: string];
  /** A signed fix request for this device was stored: its agent gets `action:request`. */
  fixRequested: [deviceId: string, request: SignedFixRequest];
  /** A fix run of this device changed (the agent reported a step). */
  fixRunChanged: [deviceId: string, runId: string];
}

export type DomainEventName = keyof DomainEventMap;

/** A typed, synchronous publish/subscribe channel. */
export interface DomainEvents {
  emit<K extends DomainEventName>(event: K, ...args: DomainEventMap[K]): void;
  /** Answers the unsubscribe function. */
  on<K extends DomainEventName>(event: K, listener: (...args: DomainEventMap[K]) => void): () => void;
}

/** One per hub, built first by the composition root. */
export function createDomainEvents(): DomainEvents {
  type Listener = (...args: readonly unknown[]) => void;
  const listeners = new Map<DomainEventName, Set<Listener>>();
  return {
    emit(event, ...args) {
      for (const listener of [...(listeners.get(event) ?? [])]) listener(...args);
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, set);
      const l = listener as unknown as Listener;
      set.add(l);
      return () => void set.delete(l);
    },
  };
}
