import { chmod, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import {
  LOCAL_IPC_MAX_LINE,
  LocalClientMessageSchema,
  LocalMethods,
  type LocalAgentStatus,
  type LocalMethod,
  type LocalServerMessage,
} from '@deskside/protocol/local-ipc';
import { InvalidTicketError } from '../tickets/ticket-queue.js';
import type { Logger } from '../util/logger.js';
import { errorMessage } from '../util/with-timeout.js';
import { LineChannel } from './line-channel.js';
import type { Challenge, ChallengeIssuer, PeerUser } from './peer-proof.js';
import { UserTickets, type SharedDesk } from './user-tickets.js';

export interface AgentIpcServerOptions {
  /** Unix socket path or `\\.\pipe\name`. */
  path: string;
  desk: SharedDesk;
  status: () => LocalAgentStatus;
  /** Subscribes to status changes; returns the unsubscribe function. */
  onStatus: (listener: () => void) => () => void;
  challenges: ChallengeIssuer;
  /** POSIX: the login name of a uid from the system (never the peer's word); Windows: the claimed name. */
  resolveUser: (hello: { user: string; uid: number | null }) => Promise<PeerUser | null>;
  logger: Logger;
  /** A user's tray went away without saying bye and did not come back within `trayGraceMs`. */
  onTrayLost?: (user: PeerUser) => void;
  trayGraceMs?: number;
  /** Time to answer the challenge (default 10 s). */
  proofTimeoutMs?: number;
  maxConnections?: number;
}

const MAX_IN_FLIGHT = 16;

/**
 * The agent service's side of the local IPC: every tray proves which OS user it runs as before it
 * may call anything, then sees and writes only that user's tickets. Status and ticket changes are
 * pushed. Lost trays are reported (to be restarted) unless they said bye.
 */
export class AgentIpcServer {
  private server: Server | null = null;
  private readonly sessions = new Map<Socket, { user: PeerUser | null; bye: boolean }>();
  private readonly lostTimers = new Map<string, NodeJS.Timeout>();
  private closing = false;

  constructor(private readonly options: AgentIpcServerOptions) {}

  async listen(): Promise<void> {
    const { path } = this.options;
    if (!path.startsWith('\\\\')) await rm(path, { force: true });
    const server = createServer((socket) => this.accept(socket));
    server.maxConnections = this.options.maxConnections ?? 64;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(path, () => resolve());
    });
    // Anyone local may connect; nobody gets anything before proving who they are.
    if (!path.startsWith('\\\\')) await chmod(path, 0o666);
    this.server = server;
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const timer of this.lostTimers.values()) clearTimeout(timer);
    this.lostTimers.clear();
    for (const socket of this.sessions.keys()) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }

  /** Users with a tray connected now. */
  connectedUsers(): string[] {
    return [...new Set([...this.sessions.values()].flatMap((s) => (s.user ? [s.user.name] : [])))];
  }

  private accept(socket: Socket): void {
    const session: { user: PeerUser | null; bye: boolean } = { user: null, bye: false };
    this.sessions.set(socket, session);
    let challenge: { pending: Challenge; user: PeerUser } | null = null;
    let inFlight = 0;
    const cleanups: (() => void)[] = [];
    const proofTimer = setTimeout(() => channel.close(), this.options.proofTimeoutMs ?? 10_000);
    const send = (message: LocalServerMessage) => channel.send(message);
    const refuse = (code: string, message: string) => {
      send({ type: 'refused', error: { code, message } });
      socket.end();
      channel.close();
    };

    const channel = new LineChannel(
      socket,
      LOCAL_IPC_MAX_LINE,
      (raw) => {
        const parsed = LocalClientMessageSchema.safeParse(raw);
        if (!parsed.success) return refuse('bad_request', 'not a local IPC message');
        const message = parsed.data;
        if (message.type === 'bye') {
          session.bye = true;
          return;
        }
        if (!session.user) {
          if (message.type === 'hello' && !challenge) return void this.hello(message, (c) => (challenge = c), send, refuse);
          if (message.type === 'prove' && challenge) {
            const { pending, user } = challenge;
            void pending.dispose();
            if (!pending.matches(message.secret)) return refuse('unauthorized', 'the challenge was not answered');
            clearTimeout(proofTimer);
            session.user = user;
            this.cancelLost(user);
            const tickets = new UserTickets(this.options.desk, user);
            cleanups.push(tickets.onChange((ticket) => send({ type: 'event', event: 'ticket', data: ticket })));
            cleanups.push(this.options.onStatus(() => send({ type: 'event', event: 'status', data: this.options.status() })));
            this.tickets.set(socket, tickets);
            return send({ type: 'welcome', user: user.name });
          }
          return refuse('unauthorized', 'say hello and answer the challenge first');
        }
        if (message.type !== 'call') return refuse('bad_request', 'already signed in');
        if (inFlight >= MAX_IN_FLIGHT) return send({ type: 'result', id: message.id, ok: false, error: { code: 'rate_limited', message: 'too many calls at once' } });
        inFlight++;
        void this.call(socket, message.method, message.params).then((reply) => {
          inFlight--;
          send(reply.ok ? { type: 'result', id: message.id, ok: true, data: reply.data } : { type: 'result', id: message.id, ok: false, error: reply.error });
        });
      },
      () => {
        clearTimeout(proofTimer);
        if (challenge) void challenge.pending.dispose();
        for (const c of cleanups) c();
        this.tickets.delete(socket);
        this.sessions.delete(socket);
        if (session.user && !session.bye) this.trayGone(session.user);
      },
    );
  }

  private readonly tickets = new Map<Socket, UserTickets>();

  private async hello(
    message: { user: string; uid: number | null },
    set: (c: { pending: Challenge; user: PeerUser }) => void,
    send: (m: LocalServerMessage) => void,
    refuse: (code: string, message: string) => void,
  ): Promise<void> {
    try {
      const user = await this.options.resolveUser(message);
      if (!user) return refuse('unauthorized', 'unknown user');
      const pending = await this.options.challenges.issue(user);
      set({ pending, user });
      send({ type: 'challenge', path: pending.path });
    } catch (e) {
      this.options.logger.warn('local IPC challenge failed', { error: errorMessage(e) });
      refuse('unavailable', 'the service could not issue a challenge');
    }
  }

  private async call(socket: Socket, method: LocalMethod, raw: unknown): Promise<{ ok: true; data: unknown } | { ok: false; error: { code: string; message: string } }> {
    const tickets = this.tickets.get(socket);
    if (!tickets) return { ok: false, error: { code: 'unauthorized', message: 'not signed in' } };
    const params = LocalMethods[method].params.safeParse(raw);
    if (!params.success) return { ok: false, error: { code: 'invalid_payload', message: params.error.issues.map((i) => i.path.join('.') || 'params').join(', ') } };
    try {
      return { ok: true, data: await this.run(tickets, method, params.data) };
    } catch (e) {
      if (e instanceof InvalidTicketError) return { ok: false, error: { code: 'invalid_payload', message: e.message } };
      this.options.logger.warn('local IPC call failed', { method, error: errorMessage(e) });
      return { ok: false, error: { code: 'internal', message: 'the agent service could not do that' } };
    }
  }

  private run(tickets: UserTickets, method: LocalMethod, params: unknown): Promise<unknown> {
    switch (method) {
      case 'tickets.list':
        return tickets.list();
      case 'tickets.hasOpen':
        return tickets.hasOpen();
      case 'tickets.create':
        return tickets.create(LocalMethods['tickets.create'].params.parse(params));
      case 'tickets.reply': {
        const p = LocalMethods['tickets.reply'].params.parse(params);
        return tickets.reply(p.ticketId, p.body);
      }
      case 'tickets.confirm': {
        const p = LocalMethods['tickets.confirm'].params.parse(params);
        return tickets.confirm(p.ticketId, p.fixed, p.comment);
      }
      case 'tickets.rate': {
        const p = LocalMethods['tickets.rate'].params.parse(params);
        return tickets.rate(p.ticketId, p.rating, p.comment);
      }
      case 'tickets.diagnostics':
        return tickets.diagnostics();
      case 'tickets.checkConnection':
        return tickets.checkConnection();
      case 'agent.status':
        return Promise.resolve(this.options.status());
    }
  }

  private trayGone(user: PeerUser): void {
    if (this.closing || !this.options.onTrayLost || this.connectedUsers().includes(user.name)) return;
    this.cancelLost(user);
    const timer = setTimeout(() => {
      this.lostTimers.delete(user.name);
      if (!this.connectedUsers().includes(user.name)) this.options.onTrayLost?.(user);
    }, this.options.trayGraceMs ?? 10_000);
    timer.unref();
    this.lostTimers.set(user.name, timer);
  }

  private cancelLost(user: PeerUser): void {
    const timer = this.lostTimers.get(user.name);
    if (timer) clearTimeout(timer);
    this.lostTimers.delete(user.name);
  }
}
