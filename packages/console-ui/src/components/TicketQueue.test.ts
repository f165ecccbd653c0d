import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SlaBadge } from './SlaBadge.js';
import { TicketQueue } from './TicketQueue.js';
import { makeTicket } from '../state/test-tickets.js';

const NOW = Date.parse('2026-03-10T14:00:00Z');

describe('TicketQueue', () => {
  it('renders rows with the ids, status and priority the e2e tests rely on, agent text escaped', () => {
    const ticket = makeTicket({ subject: '<img src=x onerror=alert(1)>', priority: 'P1', status: 'open', hostname: 'pc\u202Eexe' });
    const html = renderToStaticMarkup(createElement(TicketQueue, { tickets: [ticket], now: NOW, emptyText: 'none' }));
    expect(html).toContain(`data-testid="ticket-row" data-ticket-id="${ticket.id}" data-status="open" data-priority="P1"`);
    expect(html).toContain(`href="#/tickets/${ticket.id}"`);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(html).toContain('⟨U+202E⟩');
    expect(html).toContain('data-testid="sla-badge"');
    expect(html).toContain('Unassigned');
  });

  it('says why the queue is empty', () => {
    const html = renderToStaticMarkup(createElement(TicketQueue, { tickets: [], now: NOW, emptyText: 'No ticket matches these filters.' }));
    expect(html).toContain('data-testid="ticket-queue-empty"');
    expect(html).toContain('No ticket matches these filters.');
  });
});

describe('SlaBadge', () => {
  it('shows the live state and the time left or overdue', () => {
    const ticket = makeTicket({ sla: { firstResponseDueAt: '2026-03-10T13:15:00.000Z', resolutionDueAt: null, state: 'ok' } });
    const html = renderToStaticMarkup(createElement(SlaBadge, { ticket, now: NOW }));
    expect(html).toContain('data-state="breached"');
    expect(html).toContain('class="sla-badge sla-breached"');
    expect(html).toContain('Overdue by 45 min');
  });
});
