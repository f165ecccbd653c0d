import { readFile } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import {
  LOCAL_IPC_MAX_LINE,
  LOCAL_IPC_VERSION,
  LocalMethods,
  LocalServerMessageSchema,
  type LocalAgentStatus,
  type LocalMethod,
  type LocalMyTicket,
  type LocalParams,
  type LocalResult,
} from '@deskside/protocol/local-ipc';
import { LineChannel } from './line-channel.js';

/** A call the service refused or could not answer; `code` as the service sent it. */
export class LocalCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'LocalCallError';
  }
}

export interface AgentIpcClientOptions {
  path: string;
  /** Who this tray runs as: the login name, and the uid on POSIX. */
  identity: { user: string; uid: number | null };
  /** Delay before reconnecting after the service went away (it restarts: the tray waits). */
  reconnectMs?: number;
  callTimeoutMs?: number;
}

type Pending = { resolve: (value: unknown) => void; reject: (e: Error) => void; method: LocalMethod; timer: NodeJS.Timeout };

/**
 * The tray's side of the local IPC: connects, proves its OS user by reading the challenge file,
 * then calls the service. When the service restarts it reconnects on its own; calls made while it
 * is away fail at once with `service_unavailable` (the tray shows "the agent is restarting").
 */
export class AgentIpcClient {
  private channel: LineChannel | null = null;
  private ready = false;
  private stopped = false;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly ticketListeners = new Set<(t: LocalMyTicket) => void>();
  private readonly statusListeners = new Set<(s: LocalAgentStatus) => void>();
  private readonly connectionListeners = new Set<(connected: boolean, reason: string | null) => void>();
  private retry: NodeJS.Timeout | null = null;

  constructor(private readonly options: AgentIpcClientOptions) {}

  start(): void {
    this.stopped = false;
    this.open();
  }

  /** Says bye (so the service does not restart this tray) and disconnects. */
  stop(): void {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    this.channel?.send({ type: 'bye' });
    this.channel?.close();
  }

  get connected(): boolean {
    return this.ready;
  }

  onConnection(listener: (connected: boolean, reason: string | null) => void): () => void {
    this.connectionListeners.add(listener);
    return () => this.connectionListeners.delete(listener);
  }

  onTicket(listener: (ticket: LocalMyTicket) => void): () => void {
    this.ticketListeners.add(listener);
    return () => this.ticketListeners.delete(listener);
  }

  onStatus(listener: (status: LocalAgentStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** Calls a method; the answer is checked against its schema before it is returned. */
  call<M extends LocalMethod>(method: M, params: LocalParams<M>): Promise<LocalResult<M>> {
    if (!this.ready || !this.channel) return Promise.reject(new LocalCallError('service_unavailable', 'the Deskside agent service is not reachable'));
    const id = this.nextId++;
    const channel = this.channel;
    return new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new LocalCallError('timeout', `${method} was not answered`));
      }, this.options.callTimeoutMs ?? 30_000);
      this.pending.set(id, { resolve, reject, method, timer });
      channel.send({ type: 'call', id, method, params });
    }).then((data) => {
      const parsed = LocalMethods[method].result.safeParse(data);
      if (!parsed.success) throw new LocalCallError('invalid_answer', `the service answered ${method} with an unexpected shape`);
      return parsed.data as LocalResult<M>;
    });
  }

  private open(): void {
    const socket: Socket = connect(this.options.path);
    const channel = new LineChannel(socket, LOCAL_IPC_MAX_LINE, (raw) => void this.receive(raw), () => this.closed(channel));
    this.channel = channel;
    socket.once('connect', () => channel.send({ type: 'hello', v: LOCAL_IPC_VERSION, user: this.options.identity.user, uid: this.options.identity.uid }));
  }

  private async receive(raw: unknown): Promise<void> {
    const parsed = LocalServerMessageSchema.safeParse(raw);
    if (!parsed.success) return;
    const message = parsed.data;
    switch (message.type) {
      case 'challenge': {
        // Only the OS user named in hello (and the service) can read this file.
        const secret = await readFile(message.path, 'utf8').catch(() => '');
        this.channel?.send({ type: 'prove', secret: /^[0-9a-f]{64}$/.test(secret) ? secret : '0'.repeat(64) });
        return;
      }
      case 'welcome':
        this.ready = true;
        for (const l of this.connectionListeners) l(true, null);
        return;
      case 'refused':
        for (const l of this.connectionListeners) l(false, `${message.error.code}: ${message.error.message}`);
        return;
      case 'result': {
        const call = this.pending.get(message.id);
        if (!call) return;
        this.pending.delete(message.id);
        clearTimeout(call.timer);
        if (message.ok) call.resolve(message.data);
        else call.reject(new LocalCallError(message.error.code, message.error.message));
        return;
      }
      case 'event':
        if (message.event === 'ticket') for (const l of this.ticketListeners) l(message.data);
        else for (const l of this.statusListeners) l(message.data);
    }
  }

  private closed(channel: LineChannel): void {
    if (this.channel !== channel) return;
    const wasReady = this.ready;
    this.ready = false;
    this.channel = null;
    for (const [id, call] of this.pending) {
      clearTimeout(call.timer);
      call.reject(new LocalCallError('service_unavailable', `the service went away during ${call.method}`));
      this.pending.delete(id);
    }
    if (wasReady) for (const l of this.connectionListeners) l(false, 'disconnected');
    if (!this.stopped) {
      // Not unref'd: a tray waits for its service, however long it takes to come back.
      this.retry = setTimeout(() => this.open(), this.options.reconnectMs ?? 2_000);
    }
  }
}
