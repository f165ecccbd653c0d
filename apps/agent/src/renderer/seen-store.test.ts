import { describe, expect, it } from 'vitest';
import type { MyTicketView } from '../common/bridge-api.js';
import { hasUnread, markSeen, readSeen } from './seen-store.js';

function memory(): Pick<Storage, 'getItem' | 'setItem'> {
  const map = new Map<string, string>();
  return { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
}

const ticket = (messages: Array<[MyTicketView['messages'][number]['from'], string]>): MyTicketView => ({
  id: 'T1',
  number: 1,
  subject: 's',
  category: 'other',
  status: 'open',
  priority: 'P3',
  delivery: 'sent',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  messages: messages.map(([from, at], i) => ({ id: String(i), at, from, author: 'x', body: 'b', pending: false })),
  askConfirm: false,
  resolvedBy: null,
  confirmDays: null,
  satisfaction: null,
});

describe('seen store', () => {
  it('marks a technician answer unread until the thread is opened', () => {
    const storage = memory();
    const t = ticket([
      ['employee', '2026-01-01T10:00:00Z'],
      ['technician', '2026-01-01T11:00:00Z'],
    ]);
    expect(hasUnread(t, readSeen(storage))).toBe(true);
    markSeen(t, storage);
    expect(hasUnread(t, readSeen(storage))).toBe(false);
    const answeredAgain = ticket([
      ['technician', '2026-01-01T11:00:00Z'],
      ['technician', '2026-01-01T12:00:00Z'],
    ]);
    expect(hasUnread(answeredAgain, readSeen(storage))).toBe(true);
  });

  it('never counts the employee’s own messages, and survives garbage in storage', () => {
    expect(hasUnread(ticket([['employee', '2026-01-01T10:00:00Z']]), {})).toBe(false);
    const storage = memory();
    storage.setItem('deskside.seen.v1', '{not json');
    expect(readSeen(storage)).toEqual({});
  });
});
