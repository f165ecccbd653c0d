import { PROTOCOL_VERSION, TicketsChangedSchema, type ConsoleToHubEvents, type HubToConsoleEvents, type Ticket } from '@deskside/protocol';
import { io, type Socket } from 'socket.io-client';
import { LiveRecords } from './live-records.js';

/**
 * A technician console watching the ticket queue over socket.io (`tickets:watch` +
 * `tickets:changed`), keeping each ticket's latest state as the hub pushed it.
 */
export class TicketsWatch {
  private readonly records = new LiveRecords<Ticket>((tickets) => tickets.map((t) => [t.number, t.subject, t.deviceId]));
  readonly tickets = this.records.byId;
  /** Ids in the order they were first pushed live (not from the snapshot). */
  readonly pushed: string[] = [];
  private readonly socket: Socket<HubToConsoleEvents, ConsoleToHubEvents>;

  constructor(hubUrl: string, token: string) {
    this.socket = io(`${hubUrl}/console`, { auth: { protocolVersion: PROTOCOL_VERSION, token }, transports: ['websocket'] });
    this.socket.on('tickets:changed', (payload) => {
      // Parsed with the contract's schema, as the console would.
      const { tickets } = TicketsChangedSchema.parse(payload);
      for (const t of tickets) if (!this.tickets.has(t.id) && !this.pushed.includes(t.id)) this.pushed.push(t.id);
      this.records.put(tickets);
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
    this.records.put(ack.data.tickets);
  }

  /** Resolves with the first ticket matching `predicate`, as pushed live by the hub. */
  until(predicate: (t: Ticket) => boolean, timeoutMs = 30_000, what = 'ticket condition'): Promise<Ticket> {
    return this.records.until(predicate, timeoutMs, what);
  }

  close(): void {
    this.socket.disconnect();
  }
}
