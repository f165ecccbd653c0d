import { describe, expect, it } from 'vitest';
import { eventSummary, ticketNumber } from './ticket-text.js';

const ev = (type: Parameters<typeof eventSummary>[0]['type'], from: string | null = null, to: string | null = null) => ({ type, from, to });

describe('eventSummary', () => {
  it('reads each history event as a sentence', () => {
    expect(eventSummary(ev('created', null, 'new'))).toBe('opened the ticket');
    expect(eventSummary(ev('status-changed', 'new', 'open'))).toBe('changed the status from New to Open');
    expect(eventSummary(ev('status-changed', null, 'weird'))).toBe('changed the status to weird');
    expect(eventSummary(ev('escalated', '1', '2'))).toBe('escalated from tier 1 to tier 2 (now unassigned)');
    expect(eventSummary(ev('time-logged', null, '15'))).toBe('logged 15 minutes');
    expect(eventSummary(ev('note'))).toBe('added an internal note');
    expect(eventSummary(ev('merged', null, 'x'))).toBe('merged this ticket into another');
    expect(eventSummary(ev('merged', 'x', null))).toBe('merged another ticket into this one');
  });

  it('names the assignee from the user id, never showing the id itself', () => {
    const names = new Map([['u1', 'Sam Tech']]);
    expect(eventSummary(ev('assigned', null, 'u1'), (id) => names.get(id))).toBe('assigned the ticket to Sam Tech');
    expect(eventSummary(ev('assigned', null, 'u2'), (id) => names.get(id))).toBe('assigned the ticket to a technician');
    expect(eventSummary(ev('assigned', 'u1', null))).toBe('unassigned the ticket');
  });

  it('formats ticket numbers', () => expect(ticketNumber(1042)).toBe('#1042'));
});
