import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { NAMESPACES, PROTOCOL_VERSION, newId, type EmployeeTicket, type EnrollResponse, type Ticket, type TicketDetail } from '@deskside/protocol';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHub, type Hub } from '../../app.js';
import { resolveConfig } from '../../config.js';
import { silentLogger } from '../../log/logger.js';
import { jpegHeader, pngHeader } from '../../services/tickets/image-fixtures.js';
import { agentTicket } from '../../services/tickets/ticket-test-kit.js';
import { tempDir } from '../../test-support/temp.js';

// The ticket desk end to end on an in-process hub: a real agent socket, the HTTP API, a console socket.
const PASSWORD = 'ticket-flows-password';
const ENROLL = 'ticket-flows-enrol-token-0123';

type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

describe('ticket flows', () => {
  const dir = tempDir();
  let hub: Hub;
  let admin: string;
  let agent: Socket;
  let deviceId: string;
  const sockets: Socket[] = [];

  const call = async (p: string, init: { method?: string; token?: string; body?: unknown } = {}) => {
    const res = await fetch(`${hub.url}${p}`, {
      method: init.method ?? 'GET',
      headers: { ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}), ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> & { error?: { code: string; message: string } } };
  };
  const emit = <T>(event: string, payload?: unknown): Promise<Ack<T>> =>
    (payload === undefined ? agent.timeout(10_000).emitWithAck(event) : agent.timeout(10_000).emitWithAck(event, payload)) as Promise<Ack<T>>;

  beforeAll(async () => {
    hub = await createHub(resolveConfig({ port: 0, dataDir: dir.dir }, { DESKSIDE_ADMIN_PASSWORD: PASSWORD, DESKSIDE_ENROLL_TOKEN: ENROLL }), { logger: silentLogger(), consoleDir: `${dir.dir}/none` });
    admin = (await call('/api/v1/login', { method: 'POST', body: { username: 'admin', password: PASSWORD } })).body['token'] as string;
    const enrolled = await call('/api/v1/enroll', { method: 'POST', body: { protocolVersion: PROTOCOL_VERSION, enrollToken: ENROLL, deviceId: newId(), machineId: 'ticket-flows-machine-1', hostname: 'PC-TICKET', agentVersion: '0.1.0' } });
    const device = enrolled.body as unknown as EnrollResponse;
    deviceId = device.deviceId;
    agent = connect(`${hub.url}${NAMESPACES.agent}`, { transports: ['websocket'], reconnection: false, auth: { protocolVersion: PROTOCOL_VERSION, deviceId, deviceKey: device.deviceKey } });
    sockets.push(agent);
    await new Promise<void>((resolve, reject) => {
      agent.once('connect', () => resolve());
      agent.once('connect_error', reject);
    });
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await hub.close();
    dir.remove();
  });

  it('stores a ticket from the tray exactly once, with its screenshot on disk, and refuses a reused id', async () => {
    const payload = agentTicket({ screenshot: { mediaType: 'image/png', dataBase64: pngHeader(64, 48).toString('base64') } });
    const first = await emit<{ ticketId: string; number: number; priority: string }>('ticket:create', payload);
    expect(first).toEqual({ ok: true, data: { ticketId: payload.id, number: 1, priority: 'P2' } });
    expect(await emit('ticket:create', payload)).toEqual(first);
    expect(await emit('ticket:create', { ...payload, subject: 'Something else' })).toMatchObject({ ok: false, error: { code: 'idempotency_conflict' } });
    const list = (await call('/api/v1/tickets', { token: admin })).body['tickets'] as Ticket[];
    expect(list.filter((t) => t.id === payload.id)).toHaveLength(1);
    const ticket = list[0];
    expect(ticket).toMatchObject({ deviceId, hostname: 'PC-TICKET', status: 'new', attachments: [{ mediaType: 'image/png', width: 64, height: 48 }] });
    const files = readdirSync(path.join(dir.dir, 'attachments'), { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
    expect(files).toHaveLength(1);
    const file = files[0];
    if (file) expect(statSync(path.join(file.parentPath, file.name)).mode & 0o777).toBe(0o600);
  });

  it('serves an attachment to technicians only, with the bearer header and safe headers', async () => {
    const [ticket] = (await call('/api/v1/tickets', { token: admin })).body['tickets'] as Ticket[];
    const attachment = ticket?.attachments[0];
    const url = `${hub.url}/api/v1/tickets/${ticket?.id}/attachments/${attachment?.id}`;
    expect((await fetch(url)).status).toBe(401);
    const res = await fetch(url, { headers: { authorization: `Bearer ${admin}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
    expect(res.headers.get('content-disposition')).toBe(`inline; filename="screenshot-${attachment?.id}.png"`);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(pngHeader(64, 48));
    expect((await fetch(`${hub.url}/api/v1/tickets/${ticket?.id}/attachments/${newId()}`, { headers: { authorization: `Bearer ${admin}` } })).status).toBe(404);
  });

  it.each([
    ['an SVG claiming to be a PNG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'image/png', 'invalid_payload'],
    ['a JPEG claiming to be a PNG', jpegHeader(10, 10), 'image/png', 'invalid_payload'],
    ['a 20,000-pixel-wide PNG', pngHeader(20_000, 10), 'image/png', 'invalid_payload'],
  ])('refuses %s and stores nothing', async (_name, bytes, mediaType, code) => {
    const payload = agentTicket({ screenshot: { mediaType, dataBase64: bytes.toString('base64') } });
    expect(await emit('ticket:create', payload)).toMatchObject({ ok: false, error: { code } });
    expect((await call(`/api/v1/tickets/${payload.id}`, { token: admin })).status).toBe(404);
    const files = readdirSync(path.join(dir.dir, 'attachments'), { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
    expect(files).toHaveLength(1);
  });

  it('a technician reply reaches the device as ticket:updated and the console as tickets:changed', async () => {
    const consoleSocket = connect(`${hub.url}${NAMESPACES.console}`, { transports: ['websocket'], reconnection: false, auth: { protocolVersion: PROTOCOL_VERSION, token: admin } });
    sockets.push(consoleSocket);
    await new Promise<void>((resolve) => consoleSocket.once('connect', () => resolve()));
    const watched = (await consoleSocket.timeout(10_000).emitWithAck('tickets:watch')) as Ack<{ tickets: Ticket[] }>;
    expect(watched.ok && watched.data.tickets.length).toBe(1);
    const ticketId = watched.ok ? (watched.data.tickets[0]?.id ?? '') : '';

    const changed = new Promise<{ tickets: Ticket[] }>((resolve) => consoleSocket.once('tickets:changed', resolve));
    const updated = new Promise<EmployeeTicket>((resolve) => agent.once('ticket:updated', resolve));
    expect((await call(`/api/v1/tickets/${ticketId}/note`, { method: 'POST', token: admin, body: { body: 'internal: check the fuser' } })).status).toBe(200);
    const replied = await call(`/api/v1/tickets/${ticketId}/reply`, { method: 'POST', token: admin, body: { body: 'A technician is on the way.' } });
    expect(replied).toMatchObject({ status: 200, body: { status: 'open', firstResponseAt: expect.any(String) } });
    const pushed = await updated;
    expect(pushed).toMatchObject({ id: ticketId, status: 'open' });
    expect(pushed.messages.map((m) => m.body)).toEqual(['Every page jams on the second floor printer.', 'A technician is on the way.']);
    expect((await changed).tickets.map((t) => t.id)).toContain(ticketId);

    const mine = await emit<{ tickets: EmployeeTicket[] }>('tickets:mine');
    expect(JSON.stringify(mine)).not.toContain('fuser');
    expect(mine.ok && mine.data.tickets[0]?.messages).toHaveLength(2);

    const reply = await emit<{ ticketId: string }>('ticket:reply', { id: newId(), ticketId, body: 'Thanks!', sentAt: new Date().toISOString() });
    expect(reply).toEqual({ ok: true, data: { ticketId } });
    const detail = (await call(`/api/v1/tickets/${ticketId}`, { token: admin })).body as unknown as TicketDetail;
    expect(detail.events.map((e) => e.type)).toEqual(['created', 'attachment-added', 'note', 'reply', 'status-changed', 'reply']);
  });

  it('technician tickets, illegal transitions, canned responses and SLA settings over HTTP', async () => {
    const created = await call('/api/v1/tickets', { method: 'POST', token: admin, body: { subject: 'Phone: VPN', description: 'Cannot connect', impact: 'high', urgency: 'low', deviceId } });
    expect(created).toMatchObject({ status: 201, body: { priority: 'P3', source: 'technician', status: 'new', hostname: 'PC-TICKET' } });
    const id = created.body['id'] as string;
    expect(await call(`/api/v1/tickets/${id}/reopen`, { method: 'POST', token: admin })).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } });
    expect(await call(`/api/v1/tickets/${id}/resolve`, { method: 'POST', token: admin, body: {} })).toMatchObject({ status: 400 });
    expect((await call(`/api/v1/tickets/${id}/resolve`, { method: 'POST', token: admin, body: { note: 'Reset the token' } })).body['status']).toBe('resolved');
    expect((await call(`/api/v1/tickets?status=resolved`, { token: admin })).body['tickets']).toMatchObject([{ id }]);
    expect((await call('/api/v1/canned-responses', { method: 'POST', token: admin, body: { title: 'Reboot', body: 'Please restart your PC.' } })).status).toBe(201);
    expect((await call('/api/v1/canned-responses', { token: admin })).body['cannedResponses']).toMatchObject([{ title: 'Reboot' }]);
    const sla = (await call('/api/v1/sla-settings', { token: admin })).body;
    expect(sla).toMatchObject({ autoCloseDays: 7, targets: { P1: { firstResponseMinutes: 30, resolutionMinutes: 240 } } });
    const put = await call('/api/v1/sla-settings', { method: 'PUT', token: admin, body: { ...sla, autoCloseDays: 3, defaultCalendar: { timeZone: 'Mars/Olympus', week: [null, null, null, null, null, null, null], holidays: [] } } });
    expect(put).toMatchObject({ status: 400, body: { error: { message: expect.stringContaining('time zone') } } });
    expect((await call('/api/v1/sla-settings', { method: 'PUT', token: admin, body: { ...sla, autoCloseDays: 3 } })).body['autoCloseDays']).toBe(3);
    expect((await call('/api/v1/incidents', { token: admin })).body).toEqual({ incidents: [] });
  });
});
