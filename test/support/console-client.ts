import {
  type ConsoleToHubEvents,
  type DeviceSummary,
  type HubToConsoleEvents,
  PROTOCOL_VERSION,
} from '@deskside/protocol';
import { io, type Socket } from 'socket.io-client';

/** A technician console over socket.io that keeps the fleet as the hub reports it. */
export class ConsoleClient {
  readonly devices = new Map<string, DeviceSummary>();
  private readonly socket: Socket<HubToConsoleEvents, ConsoleToHubEvents>;
  private readonly waiters = new Set<() => void>();

  constructor(hubUrl: string, token: string) {
    this.socket = io(`${hubUrl}/console`, { auth: { protocolVersion: PROTOCOL_VERSION, token }, transports: ['websocket'] });
    this.socket.on('devices:changed', ({ devices }) => {
      for (const d of devices) this.devices.set(d.id, d);
      for (const w of this.waiters) w();
    });
  }

  async watch(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      if (this.socket.connected) resolve();
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', reject);
    });
    const ack = await this.socket.timeout(10_000).emitWithAck('fleet:watch');
    if (!ack.ok) throw new Error(ack.error.message);
    for (const d of ack.data.devices) this.devices.set(d.id, d);
  }

  /** Resolves when `predicate` holds for the fleet, as pushed live by the hub (no polling of HTTP). */
  until(predicate: (devices: DeviceSummary[]) => boolean, timeoutMs = 30_000, what = 'fleet condition'): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (predicate([...this.devices.values()])) {
          clearTimeout(timer);
          this.waiters.delete(check);
          resolve();
        }
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`timed out waiting for ${what}; fleet: ${JSON.stringify([...this.devices.values()].map((d) => [d.hostname, d.status]))}`));
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  close(): void {
    this.socket.disconnect();
  }
}
