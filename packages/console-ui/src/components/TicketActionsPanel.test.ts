import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ReplyBox } from './ReplyBox.js';
import { TicketActionsPanel, type TicketCommands } from './TicketActionsPanel.js';
import { makeTicket } from '../state/test-tickets.js';

const ME = '01JU0000000000000000000001';
const ok = () => Promise.resolve(true);
const commands: TicketCommands = { assign: ok, escalate: ok, resolve: ok, reopen: ok, setPending: ok, setOpen: ok, logTime: ok, merge: ok };
const render = (overrides: Parameters<typeof makeTicket>[0], technicians: Parameters<typeof TicketActionsPanel>[0]['technicians'] = null) =>
  renderToStaticMarkup(createElement(TicketActionsPanel, { ticket: makeTicket(overrides), meId: ME, technicians, candidates: [], busy: false, commands }));

describe('TicketActionsPanel', () => {
  it('offers assign-to-me only when users cannot be listed, and resolve on an open ticket', () => {
    const html = render({ status: 'open' });
    expect(html).toContain('data-testid="ticket-assign-me"');
    expect(html).not.toContain('data-testid="ticket-assignee"');
    expect(html).toContain('data-testid="ticket-resolve-open"');
    expect(html).toContain('data-testid="ticket-set-pending"');
    expect(html).toContain('data-testid="ticket-escalate-open"');
    expect(html).not.toContain('data-testid="ticket-reopen"');
  });

  it('lists technicians (names as text) when it may', () => {
    const html = render({ status: 'open', assigneeId: ME }, [
      { id: '01JU0000000000000000000002', username: 'kim', displayName: '<b>Kim</b>', role: 'technician', tier: 2 },
    ]);
    expect(html).not.toContain('data-testid="ticket-assign-me"');
    expect(html).toContain('&lt;b&gt;Kim&lt;/b&gt; · tier 2');
  });

  it('offers reopen on a resolved ticket, and nothing that changes a closed one', () => {
    expect(render({ status: 'resolved' })).toContain('data-testid="ticket-reopen"');
    const closed = render({ status: 'closed' });
    expect(closed).not.toContain('ticket-resolve-open');
    expect(closed).not.toContain('ticket-merge-open');
    expect(closed).toMatch(/disabled="" data-testid="ticket-assign-me"|data-testid="ticket-assign-me"[^>]*disabled/);
  });
});

describe('ReplyBox', () => {
  it('has the reply and note buttons, disabled while empty', () => {
    const html = renderToStaticMarkup(createElement(ReplyBox, { canned: [], busy: false, disabled: false, onReply: ok, onNote: ok }));
    expect(html).toContain('data-testid="ticket-reply-body"');
    expect(html).toMatch(/data-testid="ticket-note-send" disabled=""/);
    expect(html).toMatch(/data-testid="ticket-reply-send" disabled=""/);
  });
});
