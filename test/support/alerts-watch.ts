import { AlertsChangedSchema, PROTOCOL_VERSION, type Alert, type ConsoleToHubEvents, type HubToConsoleEvents } from '@deskside/protocol';
import { io, type Socket } from 'socket.io-client';

/**
 * A technician console watching alerts over socket.io (`alerts:watch` + `alerts:changed`), keeping
 * each alert's latest state and when each change arrived (for latency measurements).
 */
export class AlertsWatch {
  readonly alerts = new Map<string, Alert>();
  /** Every change as received: the alert and `performance.now()` at arrival. */
  readonly received: Array<{ alert: Alert; at: number; wallAt: number }> = [];
  private readonly socket: Socket<HubToConsoleEvents, ConsoleToHubEvents>;
  private readonly waiters = new Set<() => void>();
  private watching = false;
  /** How many times the socket (re)connected. */
  connects = 0;

  constructor(hubUrl: string, token: string) {
    this.socket = io(`${hubUrl}/console`, { auth: { protocolVersion: PROTOCOL_VERSION, token }, transports: ['websocket'] });
    this.socket.on('alerts:changed', (payload) => {
      const at = performance.now();
      const wallAt = Date.now();
      // Parsed with the contract's schema, as the console would.
      for (const a of AlertsChangedSchema.parse(payload).alerts) {
        this.alerts.set(a.id, a);
        this.received.push({ alert: a, at, wallAt });
      }
      for (const w of this.waiters) w();
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
    for (const a of ack.data.alerts) this.alerts.set(a.id, a);
    for (const w of this.waiters) w();
  }

  /** Resolves with the first alert matching `predicate`, as pushed live by the hub. */
  until(predicate: (a: Alert) => boolean, timeoutMs = 30_000, what = 'alert condition'): Promise<Alert> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = [...this.alerts.values()].find(predicate);
        if (!found) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(found);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`timed out waiting for ${what}; alerts: ${JSON.stringify([...this.alerts.values()].map((a) => [a.check, a.subject, a.state]))}`));
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  close(): void {
    this.socket.disconnect();
  }
}
