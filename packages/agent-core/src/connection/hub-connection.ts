import { io, type Socket } from 'socket.io-client';
import { z } from 'zod';
import {
  AgentPolicySchema,
  HandshakeErrorDataSchema,
  PROTOCOL_VERSION,
  type Ack,
  type AgentHandshake,
  type AgentPolicy,
  type AgentToHubEvents,
  type HubToAgentEvents,
} from '@deskside/protocol';
import type { Clock, TimerHandle } from '../util/clock.js';
import type { Logger } from '../util/logger.js';
import { errorMessage } from '../util/with-timeout.js';
import { parseAck, type AgentCommand, type CommandAckData, type CommandPayload } from './ack-schemas.js';
import { Backoff, RECONNECT_OPTIONS } from './backoff.js';
import { hubBase } from './enroll.js';
import { PinnedAgent } from './tls-pin.js';

export type AgentSocket = Socket<HubToAgentEvents, AgentToHubEvents>;

/** A handshake the hub will never accept as it is: stop, do not hammer. */
export interface Refusal {
  code: 'unauthorized' | 'revoked' | 'forbidden' | 'invalid_payload' | 'protocol_unsupported';
  message: string;
}

/** What a connection tells its owner. */
export interface ConnectionListener {
  connected(): void;
  disconnected(reason: string): void;
  /** Terminal: the connection has stopped retrying. */
  refused(refusal: Refusal): void;
  policy(policy: AgentPolicy): void;
  inventoryRequested(reason: string): void;
  /** A `ticket:updated` push, unparsed: the ticket desk validates it. */
  ticketUpdated?(raw: unknown): void;
  /** An `action:request` push, unparsed: the fix desk verifies its signature and schema. */
  fixRequested?(raw: unknown): void;
  /** The hub says the site's branding or default language changed (`site:appearance-changed`). */
  siteAppearanceChanged?(): void;
}

/** The runtime's view of a hub connection; a factory makes one per start. */
export interface HubConnection {
  readonly connected: boolean;
  connect(): void;
  /** Drops a possibly dead transport and reconnects at once (after resume from sleep). */
  reconnectNow(): void;
  close(): void;
  send<E extends AgentCommand>(event: E, payload: CommandPayload<E>, timeoutMs: number): Promise<Ack<CommandAckData<E>>>;
  /** A command without a payload (`tickets:mine`), answered through its ack. */
  query<E extends PayloadlessCommand>(event: E, timeoutMs: number): Promise<Ack<CommandAckData<E>>>;
}

/** Agent → hub commands whose only argument is the ack. */
export type PayloadlessCommand = 'tickets:mine';

export interface HubConnectionOptions {
  hubUrl: string;
  auth: AgentHandshake;
  listener: ConnectionListener;
  clock: Clock;
  logger: Logger;
  random?: () => number;
  /** SHA-256 of the hub's certificate pinned at enrolment: the websocket connects only to it. */
  tlsFingerprint?: string;
}

export type HubConnectionFactory = (options: HubConnectionOptions) => HubConnection;

const InventoryRequestSchema = z.object({ reason: z.enum(['hub-has-none', 'technician']) });

/**
 * socket.io connection to `{hub}/agent`. The manager reconnects lost transports itself (1 s → 60 s,
 * ±50 %); handshake refusals it does not retry are handled here: bad or revoked credentials and an
 * unsupported protocol stop for good, rate limiting and anything else retry with the same backoff.
 */
export function connectToHub(options: HubConnectionOptions): HubConnection {
  return new SocketHubConnection(options);
}

class SocketHubConnection implements HubConnection {
  private readonly socket: AgentSocket;
  private readonly backoff: Backoff;
  private retry: TimerHandle | null = null;
  private closed = false;

  constructor(private readonly options: HubConnectionOptions) {
    const url = new URL('/agent', hubBase(options.hubUrl));
    this.backoff = new Backoff({ random: options.random });
    const agent = options.tlsFingerprint ? this.pinnedAgent(options.tlsFingerprint) : undefined;
    this.socket = io(url.toString(), {
      ...RECONNECT_OPTIONS,
      // engine.io-client hands `agent` to ws in Node; its type only admits the browser's string | boolean.
      ...(agent ? { agent: agent as unknown as string } : {}),
      autoConnect: false,
      // One transport keeps 50k agents cheap on the hub; socket.io servers accept it by default.
      transports: ['websocket'],
      auth: { ...options.auth, protocolVersion: PROTOCOL_VERSION },
      timeout: 20_000,
    });
    this.wire();
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  connect(): void {
    if (!this.closed) this.socket.connect();
  }

  reconnectNow(): void {
    if (this.closed) return;
    this.clearRetry();
    this.backoff.reset();
    this.socket.disconnect().connect();
  }

  close(): void {
    this.closed = true;
    this.clearRetry();
    this.socket.removeAllListeners();
    this.socket.disconnect();
  }

  async send<E extends AgentCommand>(event: E, payload: CommandPayload<E>, timeoutMs: number): Promise<Ack<CommandAckData<E>>> {
    if (!this.socket.connected) return { ok: false, error: { code: 'internal', message: 'not connected' } };
    // The typed emitter cannot express a union of events; the answer is validated below instead.
    const emitter = this.socket.timeout(timeoutMs) as unknown as { emitWithAck(ev: string, arg: unknown): Promise<unknown> };
    try {
      return parseAck(event, await emitter.emitWithAck(event, payload));
    } catch (e) {
      return { ok: false, error: { code: 'internal', message: `no ack to ${event}: ${errorMessage(e)}` } };
    }
  }

  async query<E extends PayloadlessCommand>(event: E, timeoutMs: number): Promise<Ack<CommandAckData<E>>> {
    if (!this.socket.connected) return { ok: false, error: { code: 'internal', message: 'not connected' } };
    const emitter = this.socket.timeout(timeoutMs) as unknown as { emitWithAck(ev: string): Promise<unknown> };
    try {
      return parseAck(event, await emitter.emitWithAck(event));
    } catch (e) {
      return { ok: false, error: { code: 'internal', message: `no ack to ${event}: ${errorMessage(e)}` } };
    }
  }

  private wire(): void {
    const { listener, logger } = this.options;
    this.socket.on('connect', () => {
      this.backoff.reset();
      listener.connected();
    });
    this.socket.on('disconnect', (reason) => {
      listener.disconnected(reason);
      // The hub hung up on purpose (e.g. a revoked device): the manager will not retry on its own.
      if (reason === 'io server disconnect') this.scheduleRetry();
    });
    this.socket.on('connect_error', (err: Error & { data?: unknown }) => {
      if (this.socket.active) {
        logger.debug('hub unreachable; socket.io will retry', { error: err.message });
        listener.disconnected(`connect_error: ${err.message}`);
        return;
      }
      const data = HandshakeErrorDataSchema.safeParse(err.data);
      const code = data.success ? data.data.code : null;
      // Quarantined (duplicate machine id): keep retrying with backoff until a technician approves it.
      if (code === 'rate_limited' || code === 'pending_approval' || code === null) {
        logger.warn('hub refused the handshake; retrying later', { code, error: data.success ? data.data.message : err.message });
        listener.disconnected(`refused: ${code ?? err.message}`);
        this.scheduleRetry();
        return;
      }
      this.closed = true;
      const message =
        code === 'protocol_unsupported'
          ? `the hub no longer supports this agent's protocol (v${PROTOCOL_VERSION}); upgrade the agent`
          : code === 'revoked'
            ? 'this device was revoked on the hub; enrol it again with a new token'
            : `the hub refused this device's credential (${code}); enrol it again with a new token`;
      listener.refused({ code, message });
      this.socket.disconnect();
    });
    this.socket.on('policy:update', (raw: unknown) => {
      const parsed = AgentPolicySchema.safeParse(raw);
      if (parsed.success) listener.policy(parsed.data);
      else logger.warn('ignored an invalid policy from the hub');
    });
    this.socket.on('inventory:request', (raw: unknown) => {
      const parsed = InventoryRequestSchema.safeParse(raw);
      if (parsed.success) listener.inventoryRequested(parsed.data.reason);
      else logger.warn('ignored an invalid inventory request from the hub');
    });
    this.socket.on('ticket:updated', (raw: unknown) => listener.ticketUpdated?.(raw));
    this.socket.on('action:request', (raw: unknown) => listener.fixRequested?.(raw));
    this.socket.on('site:appearance-changed', () => listener.siteAppearanceChanged?.());
  }

  /** Pinned: the handshake (and its device key) is written only to the pinned certificate. */
  private pinnedAgent(fingerprint: string): PinnedAgent {
    return new PinnedAgent(fingerprint, {
      onMismatch: (error) => {
        // Retrying stays harmless (nothing is sent) and recovers if it was a transient interception.
        this.options.logger.error('refused to connect: the hub certificate is not the pinned one', {
          expected: error.expected,
          presented: error.presented,
        });
      },
    });
  }

  private scheduleRetry(): void {
    if (this.closed || this.retry) return;
    const delay = this.backoff.next();
    this.retry = this.options.clock.setTimeout(() => {
      this.retry = null;
      if (!this.closed && !this.socket.connected) this.socket.connect();
    }, delay);
  }

  private clearRetry(): void {
    if (this.retry) this.options.clock.clearTimeout(this.retry);
    this.retry = null;
  }
}
