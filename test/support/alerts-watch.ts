import { AlertsChangedSchema, PROTOCOL_VERSION, type Alert, type ConsoleToHubEvents, type HubToConsoleEvents } from '@deskside/protocol';
import { io, type Socket } from 'socket.io-client';
import { LiveRecords } from './live-records.js';

/**
 * A technician console watching alerts over socket.io (`alerts:watch` + `alerts:changed`), keeping
 * each alert's latest state and when each change arrived (for latency measurements).
 */
export class AlertsWatch {
  private readonly records = new LiveRecords<Alert>((alerts) => alerts.map((a) => [a.check, a.subject, a.state]));
  readonly alerts = this.records.byId;
  /** Every change as received: the alert and `performance.now()` at arrival. */
  readonly received: Array<{ alert: Alert; at: number; wallAt: number }> = [];
  private readonly socket: Socket<HubToConsoleEvents, ConsoleToHubEvents>;
  private watching = false;
  /** How many times the socket (re)connected. */
  connects = 0;

  constructor(hubUrl: string, token: string) {
    this.socket = io(`${hubUrl}/console`, { auth: { protocolVersion: PROTOCOL_VERSION, token }, transports: ['websocket'] });
    this.socket.on('alerts:changed', (payload) => {
      const at = performance.now();
      const wallAt = Date.now();
      // Parsed with the contract's schema, as the console would.
      const { alerts } = AlertsChangedSchema.parse(payload);
      for (const a of alerts) this.received.push({ alert: a, at, wallAt });
      this.records.put(alerts);
    });
    // A console re-watches after a reconnect: rooms do not survive a new socket.
    this.socket.on('connect', () => {
      this.connects++;
      if (this.watching) void this.snapshot().catch(() => undefined);
    });
  }

  async watch(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      if (this.socket.connected) resolve();
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', reject);
    });
    this.watching = true;
    await this.snapshot();
  }

  private async snapshot(): Promise<void> {
    const ack = await this.socket.timeout(10_000).emitWithAck('alerts:watch');
    if (!ack.ok) throw new Error(ack.error.message);
    this.records.put(ack.data.alerts);
  }

  /** Resolves with the first alert matching `predicate`, as pushed live by the hub. */
  until(predicate: (a: Alert) => boolean, timeoutMs = 30_000, what = 'alert condition'): Promise<Alert> {
    return this.records.until(predicate, timeoutMs, what);
  }

  close(): void {
    this.socket.disconnect();
  }
}
