import {
  type Ack,
  type AgentToHubEvents,
  type AlertRaise,
  type AlertWriteAck,
  type AgentTicketCreate,
  type TicketCreatedAck,
  EnrollResponseSchema,
  ErrorResponseSchema,
  type HubToAgentEvents,
  type InventoryDocument,
  type MetricsSample,
  newId,
  PROTOCOL_VERSION,
} from '@deskside/protocol';
import { io, type Socket } from 'socket.io-client';
import { inventoryHash } from './inventory-generator.js';

export type AgentSocket = Socket<HubToAgentEvents, AgentToHubEvents>;

export interface SimulatedAgentOptions {
  hubUrl: string;
  enrollToken: string;
  machineId: string;
  hostname: string;
  deviceId?: string;
  /** Milliseconds an ack may take before the send counts as failed. */
  ackTimeoutMs?: number;
}

/** Raised when the hub answers a command with `{ ok: false }`. */
export class HubRefusal extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

/**
 * One simulated agent speaking the real protocol: HTTP enrolment, the `/agent` namespace,
 * heartbeats and inventory. Used by benchmarks, demos and cross-process tests.
 */
export class SimulatedAgent {
  readonly deviceId: string;
  deviceKey: string | undefined;
  socket: AgentSocket | undefined;
  private readonly ackTimeoutMs: number;

  constructor(private readonly options: SimulatedAgentOptions) {
    this.deviceId = options.deviceId ?? newId();
    this.ackTimeoutMs = options.ackTimeoutMs ?? 30_000;
  }

  async enroll(): Promise<void> {
    const res = await fetch(`${this.options.hubUrl}/api/v1/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        protocolVersion: PROTOCOL_VERSION,
        enrollToken: this.options.enrollToken,
        deviceId: this.deviceId,
        machineId: this.options.machineId,
        hostname: this.options.hostname,
        agentVersion: '0.1.0-sim',
      }),
    });
    const body: unknown = await res.json();
    if (!res.ok) {
      const error = ErrorResponseSchema.safeParse(body);
      throw new HubRefusal(error.success ? error.data.error.code : `http_${res.status}`, error.success ? error.data.error.message : 'enrolment failed');
    }
    this.deviceKey = EnrollResponseSchema.parse(body).deviceKey;
  }

  /** Connects to `/agent`; resolves once the handshake is accepted. */
  connect(): Promise<void> {
    if (!this.deviceKey) throw new Error('enroll first');
    const socket: AgentSocket = io(`${this.options.hubUrl}/agent`, {
      auth: { protocolVersion: PROTOCOL_VERSION, deviceId: this.deviceId, deviceKey: this.deviceKey },
      transports: ['websocket'],
      reconnection: false,
    });
    this.socket = socket;
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (err) => reject(err));
    });
  }

  async heartbeat(metrics: MetricsSample, id: string = newId()): Promise<Ack<{ receivedAt: string }>> {
    return this.emit('device:heartbeat', { id, sentAt: new Date().toISOString(), metrics });
  }

  /** Offers the document's hash and sends it whole when the hub wants it. */
  async sendInventory(document: InventoryDocument): Promise<'current' | 'sent'> {
    const hash = inventoryHash(document);
    const offer = await this.emit('inventory:offer', { id: newId(), hash });
    if (!offer.ok) throw new HubRefusal(offer.error.code, offer.error.message);
    if (offer.data.status === 'current') return 'current';
    const stored = await this.emit('inventory:full', { id: newId(), hash, document });
    if (!stored.ok) throw new HubRefusal(stored.error.code, stored.error.message);
    return 'sent';
  }

  /** `alert:raise` as the agent's checks send it; `id` and `observedAt` default to fresh values. */
  async raiseAlert(
    alert: Omit<AlertRaise, 'id' | 'observedAt'> & Partial<Pick<AlertRaise, 'id' | 'observedAt'>>,
  ): Promise<Ack<AlertWriteAck>> {
    return this.emit('alert:raise', { id: newId(), observedAt: new Date().toISOString(), ...alert });
  }

  /**
   * `ticket:create` as the tray sends it ("Get help"); `id` and `createdAt` default to fresh
   * values, diagnostics and screenshot to none.
   */
  async createTicket(
    ticket: Omit<AgentTicketCreate, 'id' | 'createdAt' | 'diagnostics' | 'screenshot'> & Partial<Pick<AgentTicketCreate, 'id' | 'createdAt' | 'diagnostics' | 'screenshot'>>,
  ): Promise<Ack<TicketCreatedAck>> {
    return this.emit('ticket:create', { id: newId(), createdAt: new Date().toISOString(), diagnostics: null, screenshot: null, ...ticket });
  }

  close(): void {
    this.socket?.disconnect();
  }

  private emit<E extends 'device:heartbeat' | 'inventory:offer' | 'inventory:full' | 'alert:raise' | 'ticket:create'>(
    event: E,
    payload: Parameters<AgentToHubEvents[E]>[0],
  ): Promise<Parameters<Parameters<AgentToHubEvents[E]>[1]>[0]> {
    const socket = this.socket;
    if (!socket) throw new Error('connect first');
    // socket.io's typed emitWithAck cannot express a union of events; the event map still types both ends.
    const timed = socket.timeout(this.ackTimeoutMs);
    const send = timed.emitWithAck.bind(timed) as (
      e: E,
      p: Parameters<AgentToHubEvents[E]>[0],
    ) => Promise<Parameters<Parameters<AgentToHubEvents[E]>[1]>[0]>;
    return send(event, payload);
  }
}

/** A plausible metrics sample; a `wireless` device's carries its Wi-Fi link. */
export function simulatedMetrics(random: () => number = Math.random, options: { wireless?: boolean } = {}): MetricsSample {
  const total = 16 * 2 ** 30;
  const sample: MetricsSample = {
    cpuPercent: Math.round(random() * 600) / 10,
    memUsedBytes: Math.floor(total * (0.3 + random() * 0.5)),
    memTotalBytes: total,
    diskUsedBytes: 200e9,
    diskTotalBytes: 512e9,
    uptimeSeconds: 3600,
  };
  return options.wireless ? { ...sample, wifi: simulatedWifiLink(random) } : sample;
}

/** An office Wi-Fi link: -80 (poor, far from the access point) to -40 dBm, quality on Windows' scale. */
export function simulatedWifiLink(random: () => number = Math.random): NonNullable<MetricsSample['wifi']> {
  const signalDbm = -80 + Math.floor(random() * 41);
  return { signalDbm, qualityPercent: Math.min(100, 2 * (signalDbm + 100)) };
}
