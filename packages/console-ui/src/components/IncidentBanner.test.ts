import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { IncidentBanner } from './IncidentBanner.js';

const ok = () => Promise.resolve(true);
const incident = {
  id: '01JI0000000000000000000001',
  category: 'network' as const,
  siteId: '01JS0000000000000000000001',
  network: '192.168.1.0/24',
  status: 'open' as const,
  createdAt: '2026-03-10T12:00:00.000Z',
  resolvedAt: null,
  ticketIds: ['01JT0000000000000000000001', '01JT0000000000000000000002', '01JT0000000000000000000003'],
};

describe('IncidentBanner', () => {
  it('says what the incident groups and offers reply to all / resolve all while open', () => {
    const html = renderToStaticMarkup(createElement(IncidentBanner, { incident, busy: false, onReplyAll: ok, onResolveAll: ok }));
    expect(html).toContain('data-testid="incident-banner"');
    expect(html).toContain('3 network tickets from 192.168.1.0/24');
    expect(html).toContain('data-testid="incident-reply-open"');
    expect(html).toContain('data-testid="incident-resolve-open"');
  });

  it('offers nothing once resolved', () => {
    const html = renderToStaticMarkup(createElement(IncidentBanner, { incident: { ...incident, status: 'resolved', network: null }, busy: false, onReplyAll: ok, onResolveAll: ok }));
    expect(html).toContain('Part of a resolved incident');
    expect(html).toContain('from one site');
    expect(html).not.toContain('incident-reply-open');
  });
});
