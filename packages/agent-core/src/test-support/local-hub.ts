// A tiny, protocol-faithful hub for tests: real HTTP enrolment and a real socket.io /agent namespace.
import { X509Certificate } from 'node:crypto';
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { Server, type Socket } from 'socket.io';
import {
  AgentHandshakeSchema,
  AgentTicketCreateSchema,
  AgentTicketReplySchema,
  priorityOf,
  type AgentTicketCreate,
  type EmployeeTicket,
  EnrollRequestSchema,
  HeartbeatSchema,
  InventoryDeltaSchema,
  InventoryFullSchema,
  InventoryOfferSchema,
  PresenceNoticeSchema,
  FixStatusSchema,
  type FixStatus,
  fail,
  ok,
  type AgentPolicy,
  type AgentSocketData,
  type AgentToHubEvents,
  type EnrollRequest,
  type ErrorCode,
  type HandshakeErrorData,
  type Heartbeat,
  type HubToAgentEvents,
  type InterHubEvents,
  type PresenceNotice,
} from '@deskside/protocol';
import { inventoryHash } from '../inventory/hash.js';
import { applyDelta } from '../inventory/delta.js';
import type { InventoryDocument } from '@deskside/protocol';

type HubSocket = Socket<AgentToHubEvents, HubToAgentEvents, InterHubEvents, AgentSocketData>;

export interface LocalHub {
  url: string;
  io: Server<AgentToHubEvents, HubToAgentEvents, InterHubEvents, AgentSocketData>;
  enrollRequests: EnrollRequest[];
  /** Every heartbeat as received, duplicates included. */
  heartbeatsReceived: Heartbeat[];
  presence: PresenceNotice[];
  events: string[];
  handshakes: number;
  inventory: InventoryDocument | null;
  /** When set, every handshake is refused with it. */
  refuse: HandshakeErrorData | null;
  /** When set, enrolment answers this error. */
  enrollError: { status: number; code: ErrorCode; message: string } | null;
  /** When true, deltas are answered `inventory_base_mismatch`. */
  rejectDeltas: boolean;
  policy: AgentPolicy;
  deviceKey: string;
  /** Tickets as the hub holds them (created once per id), and every ticket:create received. */
  tickets: Map<string, EmployeeTicket>;
  ticketCreates: AgentTicketCreate[];
  /** When false, ticket events are answered `unknown_event` (a hub without the ticket service). */
  ticketsSupported: boolean;
  /** When set, the enrolment answer carries this fix-signing key for the agent to pin. */
  actionKey: string | null;
  /** Every `action:status` received. */
  fixStatuses: FixStatus[];
  sockets(): HubSocket[];
  close(): Promise<void>;
}

/** Starts on a free port, or on `port` (a hub "coming back" at the same URL) with a known device key. */
export async function startLocalHub(
  options: { port?: number; deviceKey?: string; tls?: { cert: string; key: string } } = {},
): Promise<LocalHub> {
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    void handleHttp(req).then(([status, body]) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  };
  // With `tls`, it serves HTTPS and names its certificate in the enrolment answer, as the hub does.
  const http: HttpServer = options.tls ? createHttpsServer(options.tls, onRequest) : createServer(onRequest);
  const tlsFingerprint = options.tls ? new X509Certificate(options.tls.cert).fingerprint256 : undefined;
  const io = new Server<AgentToHubEvents, HubToAgentEvents, InterHubEvents, AgentSocketData>(http, { serveClient: false });
  const hub: LocalHub = {
    url: '',
    io,
    enrollRequests: [],
    heartbeatsReceived: [],
    presence: [],
    events: [],
    handshakes: 0,
    inventory: null,
    refuse: null,
    enrollError: null,
    rejectDeltas: false,
    policy: { heartbeatSeconds: 1, inventorySeconds: 3600 },
    deviceKey: options.deviceKey ?? 'device-key-'.padEnd(43, 'x'),
    tickets: new Map(),
    ticketCreates: [],
    ticketsSupported: true,
    actionKey: null,
    fixStatuses: [],
    sockets: () => [...io.of('/agent').sockets.values()],
    close: async () => {
      io.of('/agent').disconnectSockets(true);
      await new Promise<void>((resolve) => void io.close(() => resolve()));
    },
  };

  async function handleHttp(req: IncomingMessage): Promise<[number, unknown]> {
    if (req.method === 'GET' && req.url === '/healthz') return [200, { ok: true }];
    if (req.method !== 'POST' || req.url !== '/api/v1/enroll') return [404, { error: { code: 'not_found', message: 'no route' } }];
    let raw = '';
    for await (const chunk of req) raw += String(chunk);
    const parsed = EnrollRequestSchema.safeParse(JSON.parse(raw));
    if (!parsed.success) return [400, { error: { code: 'invalid_payload', message: 'bad enrolment' } }];
    hub.enrollRequests.push(parsed.data);
    if (hub.enrollError) return [hub.enrollError.status, { error: { code: hub.enrollError.code, message: hub.enrollError.message } }];
    if (parsed.data.enrollToken !== 'good-token-123') return [401, { error: { code: 'unauthorized', message: 'unknown token' } }];
    return [
      200,
      { deviceId: parsed.data.deviceId, deviceKey: hub.deviceKey, siteId: '01J00000000000000000000S1T', policy: hub.policy, ...(tlsFingerprint ? { tlsFingerprint } : {}), ...(hub.actionKey ? { actionKey: hub.actionKey } : {}) },
    ];
  }

  const agents = io.of('/agent');
  agents.use((socket, next) => {
    hub.handshakes++;
    if (hub.refuse) return next(Object.assign(new Error(hub.refuse.message), { data: hub.refuse }));
    const auth = AgentHandshakeSchema.safeParse(socket.handshake.auth);
    if (!auth.success || auth.data.deviceKey !== hub.deviceKey) {
      return next(Object.assign(new Error('unauthorized'), { data: { code: 'unauthorized', message: 'bad credential' } }));
    }
    socket.data = { deviceId: auth.data.deviceId, siteId: '01J00000000000000000000S1T' };
    next();
  });
  agents.on('connection', (socket) => {
    socket.on('device:heartbeat', (payload, ack) => {
      const hb = HeartbeatSchema.safeParse(payload);
      if (!hb.success) return ack(fail('invalid_payload', 'bad heartbeat'));
      hub.heartbeatsReceived.push(hb.data);
      ack(ok({ receivedAt: new Date().toISOString() }));
    });
    socket.on('device:presence', (payload, ack) => {
      const notice = PresenceNoticeSchema.safeParse(payload);
      if (!notice.success) return ack(fail('invalid_payload', 'bad notice'));
      hub.presence.push(notice.data);
      ack(ok({ state: notice.data.state }));
    });
    socket.on('inventory:offer', (payload, ack) => {
      const offer = InventoryOfferSchema.safeParse(payload);
      if (!offer.success) return ack(fail('invalid_payload', 'bad offer'));
      hub.events.push('offer');
      const knownHash = hub.inventory ? inventoryHash(hub.inventory) : null;
      ack(ok({ status: knownHash === offer.data.hash ? 'current' : 'wanted', knownHash }));
    });
    socket.on('inventory:full', (payload, ack) => {
      const full = InventoryFullSchema.safeParse(payload);
      if (!full.success || inventoryHash(full.data.document) !== full.data.hash) return ack(fail('invalid_payload', 'bad full'));
      hub.events.push('full');
      hub.inventory = full.data.document;
      ack(ok({ hash: full.data.hash }));
    });
    socket.on('inventory:delta', (payload, ack) => {
      const delta = InventoryDeltaSchema.safeParse(payload);
      if (!delta.success) return ack(fail('invalid_payload', 'bad delta'));
      hub.events.push('delta');
      if (hub.rejectDeltas || !hub.inventory || inventoryHash(hub.inventory) !== delta.data.baseHash) {
        return ack(fail('inventory_base_mismatch', 'base unknown'));
      }
      const next = applyDelta(hub.inventory, delta.data);
      if (inventoryHash(next) !== delta.data.hash) return ack(fail('inventory_base_mismatch', 'result differs'));
      hub.inventory = next;
      ack(ok({ hash: delta.data.hash }));
    });
    socket.on('ticket:create', (payload, ack) => {
      if (!hub.ticketsSupported) return ack(fail('unknown_event', 'this hub does not know that event'));
      const create = AgentTicketCreateSchema.safeParse(payload);
      if (!create.success) return ack(fail('invalid_payload', 'bad ticket'));
      hub.ticketCreates.push(create.data);
      const t = create.data;
      const existing = hub.tickets.get(t.id);
      const ticket: EmployeeTicket = existing ?? {
        id: t.id,
        number: hub.tickets.size + 1,
        subject: t.subject,
        category: t.category,
        status: 'new',
        priority: priorityOf(t.impact, t.urgency),
        createdAt: t.createdAt,
        updatedAt: t.createdAt,
        messages: [{ id: t.id, at: t.createdAt, from: 'employee', author: t.requester.name, body: t.description }],
      };
      hub.tickets.set(t.id, ticket);
      ack(ok({ ticketId: ticket.id, number: ticket.number, priority: ticket.priority }));
    });
    socket.on('ticket:reply', (payload, ack) => {
      if (!hub.ticketsSupported) return ack(fail('unknown_event', 'this hub does not know that event'));
      const reply = AgentTicketReplySchema.safeParse(payload);
      if (!reply.success) return ack(fail('invalid_payload', 'bad reply'));
      const ticket = hub.tickets.get(reply.data.ticketId);
      if (!ticket) return ack(fail('not_found', 'no such ticket'));
      if (!ticket.messages.some((m) => m.id === reply.data.id)) {
        ticket.messages.push({ id: reply.data.id, at: reply.data.sentAt, from: 'employee', author: 'employee', body: reply.data.body });
        if (ticket.status === 'resolved') ticket.status = 'open';
      }
      ack(ok({ ticketId: ticket.id }));
    });
    socket.on('action:status', (payload, ack) => {
      const status = FixStatusSchema.safeParse(payload);
      if (!status.success) return ack(fail('invalid_payload', 'bad fix status'));
      hub.fixStatuses.push(status.data);
      ack(ok({ runId: status.data.runId }));
    });
    socket.on('tickets:mine', (ack) => {
      if (!hub.ticketsSupported) return ack(fail('unknown_event', 'this hub does not know that event'));
      ack(ok({ tickets: [...hub.tickets.values()] }));
    });
  });

  await new Promise<void>((resolve) => http.listen(options.port ?? 0, '127.0.0.1', resolve));
  hub.url = `${options.tls ? 'https' : 'http'}://127.0.0.1:${(http.address() as AddressInfo).port}`;
  return hub;
}
