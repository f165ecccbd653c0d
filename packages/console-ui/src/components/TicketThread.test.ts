import type { TicketEvent } from '@deskside/protocol';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TicketThread } from './TicketThread.js';
import { makeTicket } from '../state/test-tickets.js';

const NOW = Date.parse('2026-03-10T12:30:00Z');
let n = 0;
function event(overrides: Partial<TicketEvent>): TicketEvent {
  n += 1;
  return {
    id: `01JE00000000000000000000${String(n).padStart(2, '0')}`,
    ticketId: '01JT0000000000000000000001',
    at: `2026-03-10T12:${String(n).padStart(2, '0')}:00.000Z`,
    actor: { type: 'technician', userId: '01JU0000000000000000000001', name: 'Sam Tech' },
    type: 'reply',
    visibility: 'public',
    body: null,
    from: null,
    to: null,
    ...overrides,
  };
}

describe('TicketThread', () => {
  const ticket = makeTicket({ description: 'Line one\nLine <b>two</b> \u202Eevil', requester: { name: '<script>x</script>', username: null, email: null } });
  const html = renderToStaticMarkup(
    createElement(TicketThread, {
      ticket,
      now: NOW,
      nameOf: (id: string) => (id === 'u2' ? 'Kim' : undefined),
      events: [
        event({ type: 'note', visibility: 'internal', body: 'check the router' }),
        event({ type: 'reply', body: 'Hello\r\nAna' }),
        event({ type: 'assigned', visibility: 'internal', to: 'u2' }),
        event({ type: 'created', visibility: 'public', to: 'new', actor: { type: 'employee', userId: null, name: 'Ana' } }),
      ],
    }),
  );

  it('opens with the request, then replies and notes in time order, notes marked internal', () => {
    expect(html).toContain('data-type="request"');
    const reply = html.indexOf('data-type="reply"');
    const note = html.indexOf('data-type="note"');
    expect(note).toBeGreaterThan(0);
    expect(reply).toBeGreaterThan(note);
    expect(html).toMatch(/class="thread-entry thread-message thread-internal[^"]*" data-testid="thread-entry" data-type="note" data-visibility="internal"/);
    expect(html).toContain('Internal note');
    expect(html).toMatch(/thread-public thread-technician" data-testid="thread-entry" data-type="reply" data-visibility="public"/);
  });

  it('keeps line breaks but no markup, and shows hidden characters', () => {
    expect(html).toContain('Line one</span></span><span><br/>');
    expect(html).toContain('Hello</span></span><span><br/>');
    expect(html).toContain('&lt;b&gt;two&lt;/b&gt;');
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('\u202E');
    expect(html).toContain('⟨U+202E⟩');
  });

  it('reads events as lines with names, never ids, and does not repeat the creation', () => {
    expect(html).toContain('assigned the ticket to Kim');
    expect(html).not.toContain('data-type="created"');
  });
});
