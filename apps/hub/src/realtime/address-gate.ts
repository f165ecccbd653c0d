/** Per-address caps on `/agent` sockets: open connections and handshakes still being answered. */
export interface AddressLimits {
  /** Open agent connections from one address (an office behind NAT shares one). */
  maxConnections: number;
  /** Handshakes from one address being processed at the same time. */
  maxPending: number;
}

/**
 * Counts, per remote address, the agent handshakes in progress and the connections they became,
 * so one address cannot hold the hub's sockets or its handshake capacity. Entries disappear when
 * both counts are back to zero, so the map is bounded by the live sockets.
 */
export class AddressGate {
  private readonly counts = new Map<string, { pending: number; open: number }>();

  constructor(private readonly limits: AddressLimits) {}

  /** Takes a pending-handshake slot; answers its release, or undefined when the address is at a cap. */
  tryEnter(address: string): (() => void) | undefined {
    const entry = this.counts.get(address) ?? { pending: 0, open: 0 };
    if (entry.pending >= this.limits.maxPending || entry.pending + entry.open >= this.limits.maxConnections) return undefined;
    entry.pending++;
    this.counts.set(address, entry);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      entry.pending--;
      this.dropIfIdle(address, entry);
    };
  }

  /** A handshake became a connection; answers the function to call when it closes. */
  opened(address: string): () => void {
    const entry = this.counts.get(address) ?? { pending: 0, open: 0 };
    entry.open++;
    this.counts.set(address, entry);
    let closed = false;
    return () => {
      if (closed) return;
      closed = true;
      entry.open--;
      this.dropIfIdle(address, entry);
    };
  }

  /** Open connections and pending handshakes of one address (for tests and metrics). */
  of(address: string): { pending: number; open: number } {
    return { ...(this.counts.get(address) ?? { pending: 0, open: 0 }) };
  }

  private dropIfIdle(address: string, entry: { pending: number; open: number }): void {
    if (entry.pending === 0 && entry.open === 0 && this.counts.get(address) === entry) this.counts.delete(address);
  }
}
