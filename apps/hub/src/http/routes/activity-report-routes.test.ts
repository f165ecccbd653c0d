import { ActivityReportSchema, type ActivityReport, type Ticket } from '@deskside/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHub, type Hub } from '../../app.js';
import { resolveConfig } from '../../config.js';
import { silentLogger } from '../../log/logger.js';
import { officeHours } from '../../services/tickets/sla-policy.js';
import { tempDir } from '../../test-support/temp.js';

// The activity report over HTTP on an in-process hub with a hand-moved clock: tickets made and
// handled through the API, then the report of that day (UTC office hours, default targets).
const PASSWORD = 'activity-report-password';

describe('GET /api/v1/reports/activity', () => {
  const dir = tempDir();
  let hub: Hub;
  let now = Date.parse('2025-03-03T09:00:00Z'); // a Monday
  let admin: string;

  const call = async (p: string, init: { method?: string; token?: string; body?: unknown } = {}) => {
    const res = await fetch(`${hub.url}${p}`, {
      method: init.method ?? 'GET',
      headers: { ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}), ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) as Record<string, unknown> };
  };
  const at = (iso: string) => void (now = Date.parse(iso));
  const create = async (subject: string, urgency: 'high' | 'medium' | 'low') =>
    (await call('/api/v1/tickets', { method: 'POST', token: admin, body: { subject, description: 'from the phone', impact: 'medium', urgency, category: 'printer' } })).json() as unknown as Ticket;

  beforeAll(async () => {
    hub = await createHub(resolveConfig({ port: 0, dataDir: dir.dir }, { DESKSIDE_ADMIN_PASSWORD: PASSWORD }), {
      logger: silentLogger(),
      consoleDir: `${dir.dir}/none`,
      clock: () => new Date(now),
    });
    admin = (await call('/api/v1/login', { method: 'POST', body: { username: 'admin', password: PASSWORD } })).json()['token'] as string;
    const sla = (await call('/api/v1/sla-settings', { token: admin })).json();
    expect((await call('/api/v1/sla-settings', { method: 'PUT', token: admin, body: { ...sla, defaultCalendar: officeHours('UTC') } })).status).toBe(200);

    const a = await create('Printer jams', 'high'); // P2: 1 h / 8 h
    const b = await create('Toner low', 'medium'); // P3: 4 h / 30 h
    await create('Paper tray', 'low'); // P4: never answered today
    at('2025-03-03T09:30:00Z');
    expect((await call(`/api/v1/tickets/${a.id}/reply`, { method: 'POST', token: admin, body: { body: 'On my way.' } })).status).toBe(200);
    at('2025-03-03T10:00:00Z');
    expect((await call(`/api/v1/tickets/${a.id}/resolve`, { method: 'POST', token: admin, body: { note: 'Cleared the jam.' } })).status).toBe(200);
    at('2025-03-03T12:00:00Z');
    expect((await call(`/api/v1/tickets/${b.id}/resolve`, { method: 'POST', token: admin, body: { note: 'Replaced.' } })).status).toBe(200);
    at('2025-03-03T15:00:00Z');
  });
  afterAll(async () => {
    await hub.close();
    dir.remove();
  });

  it('answers the day: 3 opened, 2 resolved, first responses 30 min and 3 h, one open at the end', async () => {
    const res = await call('/api/v1/reports/activity?from=2025-03-03&to=2025-03-03&tz=UTC', { token: admin });
    expect(res.status).toBe(200);
    const report = ActivityReportSchema.parse(res.json()) as ActivityReport;
    expect(report.period).toMatchObject({ startsAt: '2025-03-03T00:00:00.000Z', partial: true });
    expect(report.summary).toMatchObject({ opened: 3, resolved: 2, backlogAtStart: 0, backlogAtEnd: 1 });
    expect(report.summary.firstResponse).toEqual({ count: 2, wall: { medianMs: 105 * 60_000, p90Ms: 180 * 60_000 }, business: { medianMs: 105 * 60_000, p90Ms: 180 * 60_000 } });
    // P2 answered in 30 min (met), P3 answered by its resolution at 3 h (met); P4's 10 h target is not due yet.
    expect(report.summary.sla.firstResponse).toEqual({ met: 2, breached: 0, percent: 100 });
    expect(report.byCategory).toEqual([{ category: 'printer', opened: 3, resolved: 2 }]);
    expect(report.byTechnician).toEqual([expect.objectContaining({ resolved: 2, firstResponses: 2, replies: 1 })]);
    expect(report.daily).toEqual([{ date: '2025-03-03', opened: 3, resolved: 2, backlog: 1 }]);
  });

  it('buckets in the viewer zone: in Asia/Tokyo (UTC+9) the same tickets fall on the 3rd, the 4th does not exist yet', async () => {
    const report = (await call('/api/v1/reports/activity?from=2025-03-03&to=2025-03-04&tz=Asia/Tokyo', { token: admin })).json() as unknown as ActivityReport;
    expect(report.period.startsAt).toBe('2025-03-02T15:00:00.000Z');
    expect(report.daily.map((d) => [d.date, d.opened])).toEqual([['2025-03-03', 3]]);
  });

  it('downloads the CSV, audited', async () => {
    const res = await call('/api/v1/reports/activity.csv?from=2025-03-03&to=2025-03-03&tz=UTC', { token: admin });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="deskside-activity-2025-03-03-to-2025-03-03.csv"');
    expect(res.text.split('\r\n')).toContain('tickets opened,3');
    const [last] = await hub.store.audit.page(1);
    expect(last).toMatchObject({ action: 'reports.activity.export', target: 'report:activity.csv', details: { from: '2025-03-03', to: '2025-03-03', tz: 'UTC', opened: 3 } });
  });

  it('refuses bad periods and zones, and anonymous callers', async () => {
    for (const q of ['from=2025-03-04&to=2025-03-03&tz=UTC', 'from=2025-03-03&to=2025-03-03&tz=Mars/Olympus', 'from=2024-01-01&to=2025-03-03&tz=UTC', 'from=2025-3-3&to=2025-03-03&tz=UTC', 'from=2025-03-03&to=2025-03-03']) {
      const res = await call(`/api/v1/reports/activity?${q}`, { token: admin });
      expect(res.status, q).toBe(400);
    }
    expect((await call('/api/v1/reports/activity?from=2025-03-03&to=2025-03-03&tz=UTC')).status).toBe(401);
  });
});
