import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebhookBodySchema, type CreatedWebhook, type WebhookDelivery } from '@deskside/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHub, type Hub } from '../../app.js';
import { resolveConfig } from '../../config.js';
import { silentLogger } from '../../log/logger.js';
import { tempDir } from '../../test-support/temp.js';

// Event webhooks end to end: a real receiver that verifies signatures as the API reference says
// (written here from the documentation, not with the hub's own code) and refuses replays.
const PASSWORD = 'webhook-flows-password';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  verdict: string;
}

/** A receiver as an integrator would write it: HMAC over "<t>.<raw body>", 300 s window, ids seen once. */
function receiver(secret: () => string, clockSkewSeconds: () => number) {
  const seen = new Set<string>();
  const received: Received[] = [];
  const verify = (headers: IncomingHttpHeaders, raw: string): string => {
    const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(headers['x-deskside-signature'] ?? ''));
    if (!m) return 'unsigned';
    const expected = createHmac('sha256', secret()).update(`${m[1]}.${raw}`).digest();
    if (!timingSafeEqual(expected, Buffer.from(m[2] ?? '', 'hex'))) return 'bad signature';
    if (Math.abs(Date.now() / 1000 + clockSkewSeconds() - Number(m[1])) > 300) return 'too old';
    const id = (JSON.parse(raw) as { id: string }).id;
    if (seen.has(id)) return 'replayed';
    seen.add(id);
    return 'ok';
  };
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      const verdict = req.url === '/slack' ? 'chat' : verify(req.headers, raw);
      received.push({ headers: req.headers, body: raw, verdict });
      res.statusCode = verdict === 'ok' || verdict === 'chat' ? 204 : 400;
      res.end();
    });
  });
  return { server, received };
}

describe('event webhooks', () => {
  const dir = tempDir();
  let hub: Hub;
  let admin = '';
  let secret = '';
  let skew = 0;
  const rx = receiver(() => secret, () => skew);
  let rxUrl = '';
  const call = async (path: string, init: { method?: string; body?: unknown } = {}) => {
    const res = await fetch(`${hub.url}${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${admin}`, ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const waitFor = async (what: string, probe: () => Received | undefined): Promise<Received> => {
    for (let i = 0; i < 100; i++) {
      const found = probe();
      if (found) return found;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no ${what} arrived: ${JSON.stringify(rx.received.map((r) => r.verdict))}`);
  };
  const resend = async (r: Received, body = r.body): Promise<number> => {
    const res = await fetch(rxUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-deskside-signature': String(r.headers['x-deskside-signature']) }, body });
    return res.status;
  };

  beforeAll(async () => {
    await new Promise<void>((resolve) => rx.server.listen(0, '127.0.0.1', resolve));
    rxUrl = `http://127.0.0.1:${(rx.server.address() as AddressInfo).port}/hooks`;
    hub = await createHub(resolveConfig({ port: 0, dataDir: dir.dir }, { DESKSIDE_ADMIN_PASSWORD: PASSWORD }), { logger: silentLogger(), consoleDir: `${dir.dir}/none` });
    const login = await fetch(`${hub.url}/api/v1/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: PASSWORD }) });
    admin = ((await login.json()) as { token: string }).token;
  });
  afterAll(async () => {
    await hub.close();
    await new Promise((resolve) => rx.server.close(resolve));
    dir.remove();
  });

  it('delivers signed ticket events that a receiver verifies, and that it refuses to take twice or altered', async () => {
    const created = await call('/api/v1/webhooks', { method: 'POST', body: { label: 'Ops bridge', url: rxUrl, events: ['ticket.created', 'ticket.resolved'] } });
    expect(created.status).toBe(201);
    const hook = created.body as unknown as CreatedWebhook;
    secret = hook.secret;
    expect(hook.webhook).toMatchObject({ urlHost: new URL(rxUrl).host, format: 'deskside', events: ['ticket.created', 'ticket.resolved'] });
    expect(JSON.stringify((await call('/api/v1/webhooks')).body)).not.toContain('/hooks');

    const ticket = await call('/api/v1/tickets', { method: 'POST', body: { subject: 'VPN drops', description: 'Every hour.', impact: 'medium', urgency: 'high' } });
    const delivery = await waitFor('ticket.created', () => rx.received.find((r) => r.headers['x-deskside-event'] === 'ticket.created'));
    expect(delivery.verdict).toBe('ok');
    const body = WebhookBodySchema.parse(JSON.parse(delivery.body));
    expect(body).toMatchObject({ event: 'ticket.created', test: false, data: { ticket: { id: ticket.body['id'], subject: 'VPN drops' } } });

    expect(await resend(delivery)).toBe(400);
    expect(rx.received.at(-1)?.verdict).toBe('replayed');
    expect(await resend(delivery, delivery.body.replace('VPN drops', 'VPN fine'))).toBe(400);
    expect(rx.received.at(-1)?.verdict).toBe('bad signature');
    skew = 301;
    expect(await resend(delivery)).toBe(400);
    expect(rx.received.at(-1)?.verdict).toBe('too old');
    skew = 0;

    await call(`/api/v1/tickets/${String(ticket.body['id'])}/resolve`, { method: 'POST', body: { note: 'New router.' } });
    expect((await waitFor('ticket.resolved', () => rx.received.find((r) => r.headers['x-deskside-event'] === 'ticket.resolved'))).verdict).toBe('ok');
    const log = (await call(`/api/v1/webhooks/${hook.webhook.id}/deliveries`)).body['deliveries'] as WebhookDelivery[];
    expect(log.map((d) => [d.event, d.status, d.lastStatus])).toEqual([
      ['ticket.resolved', 'sent', 204],
      ['ticket.created', 'sent', 204],
    ]);
  });

  it('"send test" delivers at once and says how it went; Slack presets get plain text', async () => {
    const hooks = (await call('/api/v1/webhooks')).body['webhooks'] as Array<{ id: string }>;
    const test = await call(`/api/v1/webhooks/${hooks[0]?.id ?? ''}/test`, { method: 'POST' });
    expect(test.body).toMatchObject({ event: 'webhook.test', status: 'sent', attempts: 1, lastStatus: 204 });
    expect(rx.received.at(-1)?.verdict).toBe('ok');

    const slack = await call('/api/v1/webhooks', { method: 'POST', body: { label: 'Slack #it', url: rxUrl.replace('/hooks', '/slack'), format: 'slack', events: ['ticket.created'] } });
    await call('/api/v1/tickets', { method: 'POST', body: { subject: 'Printer <!channel> jam', description: 'Paper.', impact: 'low', urgency: 'low' } });
    const chat = await waitFor('slack text', () => rx.received.find((r) => r.verdict === 'chat'));
    expect(chat.headers['x-deskside-signature']).toBeUndefined();
    expect(JSON.parse(chat.body)).toEqual({ text: expect.stringMatching(/^Deskside: ticket #2 created \(P\d, new\): Printer &lt;!channel&gt; jam$/) as unknown });
    expect((await call(`/api/v1/webhooks/${(slack.body as unknown as CreatedWebhook).webhook.id}`, { method: 'DELETE' })).body['disabledAt']).not.toBeNull();
  });

  it('refuses bad subscriptions and unknown ids', async () => {
    expect((await call('/api/v1/webhooks', { method: 'POST', body: { label: 'x', url: 'ftp://example.com/x', events: ['ticket.created'] } })).status).toBe(400);
    expect((await call('/api/v1/webhooks', { method: 'POST', body: { label: 'x', url: rxUrl, events: ['ticket.exploded'] } })).status).toBe(400);
    expect((await call('/api/v1/webhooks/01JAAAAAAAAAAAAAAAAAAAAAAA/test', { method: 'POST' })).status).toBe(404);
  });
});
