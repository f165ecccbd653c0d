import { newId, type TicketEvent } from '@deskside/protocol';
import type { TicketRecord } from '@deskside/store';
import { describe, expect, it } from 'vitest';
import { MAX_THREAD_CHARS, presentEmployeeTicket } from './presenters.js';

const T0 = new Date('2025-03-04T09:00:00.000Z');
const record = { id: newId(), number: 7, subject: 'S', description: 'D', category: 'other', status: 'open', priority: 'P3', createdAt: T0, updatedAt: T0, source: 'agent', requester: { name: 'Alice', username: null, email: null } } as unknown as TicketRecord;
const event = (type: TicketEvent['type'], visibility: TicketEvent['visibility'], body: string | null, i = 0): TicketEvent => ({
  id: newId(T0.getTime() + i), ticketId: record.id, at: T0.toISOString(), actor: { type: 'technician', userId: null, name: 'Tina' }, type, visibility, body, from: null, to: null,
});

describe('presentEmployeeTicket', () => {
  it('shows the description, public replies and public status notes; never internal events', () => {
    const view = presentEmployeeTicket(record, [
      event('created', 'public', null),
      event('note', 'internal', 'do not show'),
      event('escalated', 'internal', 'hand-off'),
      event('reply', 'public', 'Hello'),
      event('status-changed', 'internal', null),
      event('status-changed', 'public', 'Resolved: toner'),
      event('time-logged', 'internal', null),
    ]);
    expect(view.messages.map((m) => [m.from, m.author, m.body])).toEqual([
      ['employee', 'Alice', 'D'],
      ['technician', 'Tina', 'Hello'],
      ['technician', 'Tina', 'Resolved: toner'],
    ]);
    expect(JSON.stringify(view)).not.toMatch(/do not show|hand-off/);
  });

  it('keeps the newest messages within the size budget of one socket message', () => {
    const big = 'x'.repeat(16_000);
    const events = Array.from({ length: 100 }, (_, i) => event('reply', 'public', `${i}:${big}`, i));
    const view = presentEmployeeTicket(record, events);
    const chars = view.messages.reduce((n, m) => n + m.body.length, 0);
    expect(chars).toBeLessThanOrEqual(MAX_THREAD_CHARS);
    expect(view.messages.length).toBeGreaterThan(50);
    expect(view.messages.at(-1)?.body.startsWith('99:')).toBe(true);
  });
});
