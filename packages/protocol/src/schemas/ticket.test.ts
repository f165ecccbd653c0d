import { describe, expect, it } from 'vitest';
import { newId } from '../ids.js';
import { AgentTicketCreateSchema, ImpactSchema, priorityOf, UrgencySchema } from './ticket.js';

describe('priorityOf (ITIL impact × urgency)', () => {
  it.each([
    ['high', 'high', 'P1'],
    ['high', 'medium', 'P2'],
    ['medium', 'high', 'P2'],
    ['high', 'low', 'P3'],
    ['medium', 'medium', 'P3'],
    ['low', 'high', 'P3'],
    ['medium', 'low', 'P4'],
    ['low', 'medium', 'P4'],
    ['low', 'low', 'P4'],
  ] as const)('impact %s × urgency %s → %s', (impact, urgency, priority) => {
    expect(priorityOf(impact, urgency)).toBe(priority);
  });

  it('is symmetric in impact and urgency', () => {
    for (const i of ImpactSchema.options) for (const u of UrgencySchema.options) expect(priorityOf(i, u)).toBe(priorityOf(u, i));
  });
});

describe('AgentTicketCreateSchema', () => {
  const valid = {
    id: newId(),
    createdAt: '2026-11-24T10:00:00.000Z',
    subject: 'Printer jams',
    description: 'Every page jams on the second floor printer.',
    category: 'printer',
    impact: 'low',
    urgency: 'medium',
    requester: { name: 'Alice', username: 'alice', email: null },
    diagnostics: null,
    screenshot: null,
  };

  it('accepts a ticket without attachments', () => {
    expect(AgentTicketCreateSchema.safeParse(valid).success).toBe(true);
  });

  it('refuses a screenshot that is not base64 and an empty subject', () => {
    expect(AgentTicketCreateSchema.safeParse({ ...valid, screenshot: { mediaType: 'image/png', dataBase64: '<svg onload=1>' } }).success).toBe(false);
    expect(AgentTicketCreateSchema.safeParse({ ...valid, subject: '' }).success).toBe(false);
  });
});
