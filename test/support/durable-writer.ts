import { PROTOCOL_VERSION } from '@deskside/protocol';
import { io, type Socket } from 'socket.io-client';

/** One agent → hub write: an event and a payload whose `id` is the message id. */
export interface Write {
  event: string;
  payload: { id: string } & Record<string, unknown>;
}

export interface AckedWrite extends Write {
  deviceId: string;
  result: unknown;
  attempts: number;
}

/**
 * A device that sends its writes one after another and retries each (same message id, same
 * payload) until the hub acks it, reconnecting across hub restarts: the agent outbox's contract.
 */
export class DurableWriter {
  readonly socket: Socket;
  readonly acked: AckedWrite[] = [];
  private stopped = false;

  constructor(
    hubUrl: string,
    readonly deviceId: string,
    deviceKey: string,
    private readonly ackTimeoutMs = 3000,
  ) {
    this.socket = io(`${hubUrl}/agent`, {
      auth: { protocolVersion: PROTOCOL_VERSION, deviceId, deviceKey },
      transports: ['websocket'],
      reconnection: true,
      reconnectionDelay: 100,
      reconnectionDelayMax: 500,
      randomizationFactor: 0.5,
      forceNew: true,
    });
    // A refused handshake (the hub was busy starting) is retried too, as the agent does.
    this.socket.on('connect_error', () => {
      if (!this.socket.active && !this.stopped) setTimeout(() => this.socket.connect(), 200);
    });
  }

  /** Sends `writes` in order, each retried until acknowledged; `paceMs` between writes. */
  async sendAll(writes: Write[], paceMs = 0): Promise<void> {
    for (const write of writes) {
      let attempts = 0;
      for (;;) {
        if (this.stopped) return;
        attempts++;
        const ack = await this.trySend(write);
        if (ack !== undefined) {
          if (typeof ack === 'object' && ack !== null && (ack as { ok?: unknown }).ok === true) {
            this.acked.push({ ...write, deviceId: this.deviceId, result: (ack as { data: unknown }).data, attempts });
            break;
          }
          const code = (ack as { error?: { code?: string } }).error?.code;
          // Only transient refusals are retried; anything else is a bug the test must see.
          if (code !== 'internal' && code !== 'rate_limited') throw new Error(`${write.event} ${write.payload.id} refused: ${JSON.stringify(ack)}`);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      if (paceMs > 0) await new Promise((r) => setTimeout(r, paceMs));
    }
  }

  /** One attempt: the ack, or undefined when there was none (disconnected, timed out). */
  async trySend(write: Write): Promise<unknown> {
    if (!this.socket.connected) {
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 500);
        this.socket.once('connect', () => {
          clearTimeout(t);
          resolve();
        });
      });
      if (!this.socket.connected) return undefined;
    }
    try {
      return await this.socket.timeout(this.ackTimeoutMs).emitWithAck(write.event, write.payload);
    } catch {
      return undefined;
    }
  }

  close(): void {
    this.stopped = true;
    this.socket.disconnect();
  }
}
