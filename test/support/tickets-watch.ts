import { PROTOCOL_VERSION, TicketsChangedSchema, type ConsoleToHubEvents, type HubToConsoleEvents, type Ticket } from '@deskside/protocol';
import { io, type Socket } from 'socket.io-client';

/**
 * A technician console watching the ticket queue over socket.io (`tickets:watch` +
 * `tickets:changed`), keeping each ticket's latest state as the hub pushed it.
 */
export class TicketsWatch {
  readonly tickets = new Map<string, Ticket>();
  /** Ids in the order they were first pushed live (not from the snapshot). */
  readonly pushed: string[] = [];
  private readonly socket: Socket<HubToConsoleEvents, ConsoleToHubEvents>;
  private readonly waiters = new Set<() => void>();

  constructor(hubUrl: string, token: string) {
    this.socket = io(`${hubUrl}/console`, { auth: { protocolVersion: PROTOCOL_VERSION, token }, transports: ['websocket'] });
    this.socket.on('tickets:changed', (payload) => {
      // Parsed with the contract's schema, as the console would.
      for (const t of TicketsChangedSchema.parse(payload).tickets) {
        if (!this.tickets.has(t.id)) this.pushed.push(t.id);
        this.tickets.set(t.id, t);
      }
      for (const w of this.waiters) w();
    });
  }

  async watch(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      if (this.socket.connected) resolve();
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', reject);
    });
    const ack = await this.socket.timeout(10_000).emitWithAck('tickets:watch');
    if (!ack.ok) throw new Error(ack.error.message);
    for (const t of ack.data.tickets) this.tickets.set(t.id, t);
  }

  /** Resolves with the first ticket matching `predicate`, as pushed live by the hub. */
  until(predicate: (t: Ticket) => boolean, timeoutMs = 30_000, what = 'ticket condition'): Promise<Ticket> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = [...this.tickets.values()].find(predicate);
        if (!found) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(found);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`timed out waiting for ${what}; tickets: ${JSON.stringify([...this.tickets.values()].map((t) => [t.number, t.subject, t.deviceId]))}`));
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  close(): void {
    this.socket.disconnect();
  }
}
