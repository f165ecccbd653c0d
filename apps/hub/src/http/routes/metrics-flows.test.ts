import { readFileSync } from 'node:fs';
import { PROTOCOL_VERSION, newId, type CreatedApiToken } from '@deskside/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHub, type Hub } from '../../app.js';
import { resolveConfig } from '../../config.js';
import { silentLogger } from '../../log/logger.js';
import { tempDir } from '../../test-support/temp.js';

// /metrics on an in-process hub: a metrics-only API token scrapes it; counters follow real events;
// request durations are labelled by route template, never by id.
const PASSWORD = 'metrics-flows-password';
const ENROLL = 'metrics-flows-enrol-token-0001';

describe('metrics', () => {
  const dir = tempDir();
  let hub: Hub;
  let admin = '';
  const call = async (path: string, token: string, init: { method?: string; body?: unknown } = {}) => {
    const res = await fetch(`${hub.url}${path}`, {
      method: init.method ?? 'GET',
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
    return { status: res.status, contentType: res.headers.get('content-type') ?? '', text: await res.text() };
  };
  const json = (text: string) => JSON.parse(text) as Record<string, unknown>;

  beforeAll(async () => {
    hub = await createHub(resolveConfig({ port: 0, dataDir: dir.dir }, { DESKSIDE_ADMIN_PASSWORD: PASSWORD, DESKSIDE_ENROLL_TOKEN: ENROLL }), { logger: silentLogger(), consoleDir: `${dir.dir}/none` });
    admin = json((await call('/api/v1/login', '', { method: 'POST', body: { username: 'admin', password: PASSWORD } })).text)['token'] as string;
  });
  afterAll(async () => {
    await hub.close();
    dir.remove();
  });

  it('is scraped with a metrics-only token, and refused to tokens without that scope', async () => {
    const mint = async (scopes: string[]) => (json((await call('/api/v1/tokens', admin, { method: 'POST', body: { label: `scrape ${scopes.join()}`, scopes } })).text) as unknown as CreatedApiToken).token;
    const scraper = await mint(['metrics']);
    const reader = await mint(['devices:read']);
    expect((await call('/metrics', '')).status).toBe(401);
    expect((await call('/metrics', reader)).status).toBe(403);
    const res = await call('/metrics', scraper);
    expect(res.status).toBe(200);
    expect(res.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.text).toContain('# TYPE deskside_http_request_duration_seconds histogram');
    // The scraper may not read anything else.
    expect((await call('/api/v1/devices', scraper)).status).toBe(403);
  });

  it('counts tickets, devices and requests by event and route template', async () => {
    const enrolled = await call('/api/v1/enroll', '', {
      method: 'POST',
      body: { protocolVersion: PROTOCOL_VERSION, enrollToken: ENROLL, deviceId: newId(), machineId: 'metrics-machine-1', hostname: 'PC-METRICS', agentVersion: '0.1.0' },
    });
    expect(enrolled.status).toBe(201);
    const ticket = json((await call('/api/v1/tickets', admin, { method: 'POST', body: { subject: 'Slow PC', description: 'Very slow.', impact: 'low', urgency: 'low' } })).text);
    const id = ticket['id'] as string;
    await call(`/api/v1/tickets/${id}`, admin);
    expect((await call(`/api/v1/tickets/${id}/resolve`, admin, { method: 'POST', body: { note: 'Cleaned up.' } })).status).toBe(200);
    await call(`/api/v1/tickets/${newId()}`, admin);

    let text = '';
    for (let i = 0; i < 50 && !text.includes('deskside_tickets_total{event="resolved"} 1'); i++) {
      text = (await call('/metrics', admin)).text;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(text).toContain('deskside_tickets_total{event="created"} 1');
    expect(text).toContain('deskside_tickets_total{event="resolved"} 1');
    expect(text).toContain('deskside_device_events_total{event="enrolled"} 1');
    expect(text).toMatch(/deskside_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/tickets\/:id",status="200"\} 1/);
    expect(text).toMatch(/deskside_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/tickets\/:id",status="404"\} 1/);
    expect(text).not.toContain(id);
    expect(text).toContain('# TYPE deskside_mails_total counter');
  });

  it('has every metric the Grafana dashboard in docs/ queries', async () => {
    const dashboard = readFileSync(new URL('../../../../../docs/grafana/deskside-hub.json', import.meta.url), 'utf8');
    const names = new Set([...dashboard.matchAll(/\b((?:deskside|process|nodejs)_[a-z_0-9]+)/g)].map((m) => (m[1] ?? '').replace(/_(bucket|count|sum)$/, '')));
    const text = (await call('/metrics', admin)).text;
    expect([...names].filter((name) => !text.includes(`# TYPE ${name} `))).toEqual([]);
    expect(names.size).toBeGreaterThan(8);
  });
});
