import { TicketStatusSchema, type TicketStatus } from '@deskside/protocol';
import { describe, expect, it } from 'vitest';
import { checkTransition, statusAfterEmployeeReply, TRANSITIONS, type TransitionTrigger } from './status-machine.js';

const STATUSES = TicketStatusSchema.options;
const TRIGGERS: TransitionTrigger[] = ['technician', 'employee-reply', 'auto-close', 'merge'];

const LEGAL: Array<[TicketStatus, TicketStatus, TransitionTrigger]> = [
  ['new', 'open', 'technician'],
  ['new', 'pending', 'technician'],
  ['new', 'resolved', 'technician'],
  ['new', 'closed', 'merge'],
  ['open', 'pending', 'technician'],
  ['open', 'resolved', 'technician'],
  ['open', 'closed', 'merge'],
  ['pending', 'open', 'technician'],
  ['pending', 'open', 'employee-reply'],
  ['pending', 'resolved', 'technician'],
  ['pending', 'closed', 'merge'],
  ['resolved', 'open', 'technician'],
  ['resolved', 'open', 'employee-reply'],
  ['resolved', 'closed', 'technician'],
  ['resolved', 'closed', 'employee-confirm'],
  ['resolved', 'closed', 'auto-close'],
  ['resolved', 'closed', 'merge'],
];
const isLegal = (from: TicketStatus, to: TicketStatus, trigger: TransitionTrigger) =>
  LEGAL.some(([f, t, g]) => f === from && t === to && g === trigger);

describe('ticket status machine', () => {
  it.each(LEGAL)('allows %s → %s by %s', (from, to, trigger) => {
    expect(checkTransition(from, to, trigger)).toEqual({ ok: true });
  });

  const illegal = STATUSES.flatMap((from) =>
    STATUSES.flatMap((to) => TRIGGERS.filter((g) => !isLegal(from, to, g)).map((g) => [from, to, g] as [TicketStatus, TicketStatus, TransitionTrigger])),
  );
  it.each(illegal)('refuses %s → %s by %s with a message', (from, to, trigger) => {
    const result = checkTransition(from, to, trigger);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message.length).toBeGreaterThan(10);
  });

  it('the table and the legal list are the same set', () => {
    const fromTable = Object.entries(TRANSITIONS).flatMap(([from, tos]) =>
      Object.entries(tos).flatMap(([to, triggers]) => (triggers ?? []).map((g) => `${from}>${to}>${g}`)),
    );
    expect(fromTable.sort()).toEqual(LEGAL.map(([f, t, g]) => `${f}>${t}>${g}`).sort());
  });

  it('says why a closed ticket cannot move', () => {
    expect(checkTransition('closed', 'open', 'technician')).toEqual({ ok: false, message: expect.stringContaining('follow-up') });
  });

  it.each([
    ['new', 'new'],
    ['open', 'open'],
    ['pending', 'open'],
    ['resolved', 'open'],
    ['closed', 'follow-up'],
  ] as const)('an employee reply to a %s ticket → %s', (status, next) => {
    expect(statusAfterEmployeeReply(status)).toBe(next);
  });
});
