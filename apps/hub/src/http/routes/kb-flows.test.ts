import { NAMESPACES, PROTOCOL_VERSION, newId, type Article, type ArticleVersion, type EnrollResponse, type KbReport } from '@deskside/protocol';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHub, type Hub } from '../../app.js';
import { resolveConfig } from '../../config.js';
import { silentLogger } from '../../log/logger.js';
import { pngHeader } from '../../services/tickets/image-fixtures.js';
import { agentTicket } from '../../services/tickets/ticket-test-kit.js';
import { tempDir } from '../../test-support/temp.js';

// The knowledge base end to end on an in-process hub: the HTTP API and a real agent socket.
const PASSWORD = 'kb-flows-password-0001';
const ENROLL = 'kb-flows-enrol-token-0123';
type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
type Json = Record<string, unknown> & { error?: { code: string; message: string } };

describe('knowledge base flows', () => {
  const dir = tempDir();
  let hub: Hub;
  let admin: string;
  let agent: Socket;

  const call = async (p: string, init: { method?: string; token?: string; body?: unknown; raw?: Buffer; type?: string } = {}) => {
    const res = await fetch(`${hub.url}${p}`, {
      method: init.method ?? 'GET',
      headers: { ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}), ...(init.type ? { 'content-type': init.type } : {}), authorization: `Bearer ${init.token ?? admin}` },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : init.raw ? { body: init.raw } : {}),
    });
    const json = (res.headers.get('content-type') ?? '').includes('json') ? ((await res.json()) as Json) : ({ bytes: (await res.arrayBuffer()).byteLength } as Json);
    return { status: res.status, body: json };
  };
  const emit = <T>(event: string, payload: unknown): Promise<Ack<T>> => agent.timeout(10_000).emitWithAck(event, payload) as Promise<Ack<T>>;
  const write = (fields: Record<string, unknown>) => call('/api/v1/kb/articles', { method: 'POST', body: { body: 'Steps.', audience: 'employees', status: 'published', ...fields } });

  beforeAll(async () => {
    hub = await createHub(resolveConfig({ port: 0, dataDir: dir.dir }, { DESKSIDE_ADMIN_PASSWORD: PASSWORD, DESKSIDE_ENROLL_TOKEN: ENROLL }), { logger: silentLogger(), consoleDir: `${dir.dir}/none` });
    const login = await fetch(`${hub.url}/api/v1/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: PASSWORD }) });
    admin = ((await login.json()) as { token: string }).token;
    const enrolled = await fetch(`${hub.url}/api/v1/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ protocolVersion: PROTOCOL_VERSION, enrollToken: ENROLL, deviceId: newId(), machineId: 'kb-flows-machine-1', hostname: 'PC-KB', agentVersion: '0.1.0' }),
    });
    const device = (await enrolled.json()) as EnrollResponse;
    agent = connect(`${hub.url}${NAMESPACES.agent}`, { transports: ['websocket'], reconnection: false, auth: { protocolVersion: PROTOCOL_VERSION, deviceId: device.deviceId, deviceKey: device.deviceKey } });
    await new Promise<void>((resolve, reject) => {
      agent.once('connect', () => resolve());
      agent.once('connect_error', reject);
    });
  });
  afterAll(async () => {
    agent.disconnect();
    await hub.close();
    dir.remove();
  });

  it('writes, ranks, edits with a version check, keeps diffs, takes feedback and images, and audits', async () => {
    const created = await write({ title: 'Clear a paper jam', body: 'Open tray 2.', tags: ['printer'] });
    expect(created.status).toBe(201);
    const article = created.body as unknown as Article;
    await write({ title: 'Order toner', body: 'Supply room.', tags: ['printer'] });
    const found = await call('/api/v1/kb/articles?q=papr%20jam');
    expect((found.body['articles'] as Article[]).map((a) => a.title)).toEqual(['Clear a paper jam']);
    expect((await write({ title: '', audience: 'everyone' })).status).toBe(400);

    const edited = await call(`/api/v1/kb/articles/${article.id}`, { method: 'PATCH', body: { baseVersion: 1, body: 'Open tray 2, then the rear door.' } });
    expect(edited.body).toMatchObject({ version: 2, body: 'Open tray 2, then the rear door.' });
    const stale = await call(`/api/v1/kb/articles/${article.id}`, { method: 'PATCH', body: { baseVersion: 1, title: 'Old' } });
    expect(stale.status).toBe(409);
    const versions = (await call(`/api/v1/kb/articles/${article.id}/versions`)).body['versions'] as ArticleVersion[];
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    expect(versions[0]?.diff).toContain('-Open tray 2.\n+Open tray 2, then the rear door.');

    const voted = await call(`/api/v1/kb/articles/${article.id}/feedback`, { method: 'POST', body: { helpful: false, comment: 'Which tray?' } });
    expect(voted.body).toMatchObject({ unhelpful: 1, feedback: [{ helpful: false, comment: 'Which tray?', from: 'technician' }] });

    const image = await call(`/api/v1/kb/articles/${article.id}/attachments`, { method: 'POST', raw: pngHeader(32, 16), type: 'image/png' });
    expect(image.status).toBe(201);
    expect(image.body['markdown']).toMatch(/^!\[image\]\(\/api\/v1\/kb\/articles\/.+\/attachments\/.+\)$/);
    expect((await call(image.body['path'] as string)).body).toEqual({ bytes: pngHeader(32, 16).length });
    const notImage = await call(`/api/v1/kb/articles/${article.id}/attachments`, { method: 'POST', raw: Buffer.from('<svg onload=alert(1)>'), type: 'image/png' });
    expect(notImage.status).toBe(400);

    const audit = await call('/api/v1/audit?limit=20');
    const actions = (audit.body['entries'] as Array<{ action: string }>).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['kb.article.create', 'kb.article.update', 'kb.image.add']));
  });

  it('serves the tray: search, a bounded offline copy, idempotent deflections, articles read tied to the ticket', async () => {
    const vpn = (await write({ title: 'Connect to the VPN from home', body: 'Open GlobalProtect.', tags: ['vpn'] })).body as unknown as Article;
    await write({ title: 'VPN internals', audience: 'technicians', tags: ['vpn'] });
    await write({ title: 'VPN draft', status: 'draft' });
    const search = await emit<{ articles: Array<{ title: string }> }>('kb:search', { q: 'vpn from hom', limit: 3, log: true });
    expect(search.ok && search.data.articles.map((a) => a.title)).toEqual(['Connect to the VPN from home']);
    const nothing = await emit<{ articles: unknown[] }>('kb:search', { q: 'fax machine', limit: 3, log: true });
    expect(nothing.ok && nothing.data.articles).toEqual([]);

    const sync = await emit<{ stamp: string; articles: Array<{ title: string }> | null }>('kb:sync', { since: null });
    expect(sync.ok && sync.data.articles?.map((a) => a.title).sort()).toEqual(['Clear a paper jam', 'Connect to the VPN from home', 'Order toner']);
    const again = await emit<{ articles: unknown }>('kb:sync', { since: sync.ok ? sync.data.stamp : null });
    expect(again.ok && again.data.articles).toBeNull();

    // Incremental: with what the copy holds, only the changed article travels; a withdrawn one leaves `ids`.
    type SyncAck = { stamp: string; articles: Array<{ id: string; title: string; updatedAt: string }> | null; ids?: string[]; more?: boolean };
    const copy = sync.ok ? (sync.data.articles as Array<{ id: string; title: string; updatedAt: string }>) : [];
    const known = copy.map((a) => ({ id: a.id, updatedAt: a.updatedAt }));
    const unchanged = await emit<SyncAck>('kb:sync', { since: null, known });
    expect(unchanged.ok && unchanged.data).toMatchObject({ articles: [], more: false });
    expect(unchanged.ok && unchanged.data.ids?.length).toBe(3);
    const toner = copy.find((a) => a.title === 'Order toner');
    const jam = copy.find((a) => a.title === 'Clear a paper jam');
    const tonerNow = (await call(`/api/v1/kb/articles/${toner?.id ?? ''}`)).body as unknown as Article;
    await call(`/api/v1/kb/articles/${toner?.id ?? ''}`, { method: 'PATCH', body: { baseVersion: tonerNow.version, body: 'Supply room, shelf 3.' } });
    const jamNow = (await call(`/api/v1/kb/articles/${jam?.id ?? ''}`)).body as unknown as Article;
    await call(`/api/v1/kb/articles/${jam?.id ?? ''}`, { method: 'PATCH', body: { baseVersion: jamNow.version, status: 'draft' } });
    const delta = await emit<SyncAck>('kb:sync', { since: unchanged.ok ? unchanged.data.stamp : null, known });
    expect(delta.ok && delta.data.articles?.map((a) => a.title)).toEqual(['Order toner']);
    expect(delta.ok && delta.data.ids?.length).toBe(2);
    expect(delta.ok && delta.data.ids).not.toContain(jam?.id);

    const deflect = { id: newId(), articleId: vpn.id, subject: 'vpn from home', at: new Date().toISOString() };
    expect(await emit('kb:deflect', deflect)).toEqual({ ok: true, data: { articleId: vpn.id } });
    expect(await emit('kb:deflect', deflect)).toEqual({ ok: true, data: { articleId: vpn.id } });
    expect(await emit('kb:deflect', { ...deflect, subject: 'other' })).toMatchObject({ ok: false, error: { code: 'idempotency_conflict' } });
    const hidden = (await write({ title: 'Tech only', audience: 'technicians' })).body as unknown as Article;
    expect(await emit('kb:deflect', { ...deflect, id: newId(), articleId: hidden.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    const ticket = agentTicket({ subject: 'VPN still fails', articlesRead: [vpn.id, hidden.id] });
    const sent = await emit<{ ticketId: string }>('ticket:create', ticket);
    expect(sent.ok).toBe(true);
    const kb = await call(`/api/v1/tickets/${ticket.id}/kb`);
    expect(kb.body['linked']).toEqual([expect.objectContaining({ id: vpn.id, relation: 'read-before-asking' })]);
    expect((kb.body['suggested'] as Array<{ id: string }>).map((a) => a.id)).toContain(vpn.id);

    const from = new Date(Date.now() - 3600_000).toISOString();
    const to = new Date(Date.now() + 3600_000).toISOString();
    const report = (await call(`/api/v1/kb/report?from=${from}&to=${to}`)).body as unknown as KbReport;
    expect(report).toMatchObject({ deflections: 1, noResultSearches: [{ query: 'fax machine', count: 1 }] });
    expect(report.topArticles[0]).toMatchObject({ id: vpn.id, deflections: 1 });
  });

  it('drafts an article from a resolved ticket: its problem and resolution note', async () => {
    const ticket = agentTicket({ subject: 'Outlook crashes at start', description: 'Outlook closes right after the splash screen.' });
    await emit('ticket:create', ticket);
    await call(`/api/v1/tickets/${ticket.id}/resolve`, { method: 'POST', body: { note: 'Started in safe mode and disabled the PDF add-in.' } });
    const draft = await call(`/api/v1/tickets/${ticket.id}/kb-draft`);
    expect(draft.body).toMatchObject({ title: 'Outlook crashes at start', sourceTicketId: ticket.id });
    expect(draft.body['body']).toContain('Outlook closes right after the splash screen.');
    expect(draft.body['body']).toContain('disabled the PDF add-in');
    const created = await write({ title: 'Outlook crashes at start', body: draft.body['body'], sourceTicketId: ticket.id });
    expect(created.body).toMatchObject({ sourceTicketId: ticket.id });
  });
});
