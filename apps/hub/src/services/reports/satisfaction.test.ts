import type { TicketEvent } from '@deskside/protocol';
import { describe, expect, it } from 'vitest';
import { satisfactionFigures } from './satisfaction.js';

const TINA = { type: 'technician' as const, userId: 'u-tina', name: 'Tina Tech' };
const ERIN = { type: 'employee' as const, userId: null, name: 'Erin' };
let n = 0;
const ev = (ticketId: string, at: string, actor: TicketEvent['actor'], type: TicketEvent['type'], from: string | null = null, to: string | null = null): TicketEvent => ({
  id: `e${String(++n).padStart(4, '0')}`,
  ticketId,
  at,
  actor,
  type,
  visibility: 'internal',
  body: null,
  from,
  to,
});

describe('satisfactionFigures', () => {
  const start = Date.parse('2026-03-01T00:00:00Z');
  const end = Date.parse('2026-04-01T00:00:00Z');
  const inPeriod = (t: number | null | undefined): t is number => typeof t === 'number' && t >= start && t < end;

  it('counts CSAT from each ticket’s latest rating and the reopen rate of resolutions, per technician and category', () => {
    const events = new Map<string, TicketEvent[]>([
      [
        'A',
        [
          ev('A', '2026-03-02T10:00:00Z', TINA, 'status-changed', 'open', 'resolved'),
          ev('A', '2026-03-02T11:00:00Z', ERIN, 'status-changed', 'resolved', 'open'),
          ev('A', '2026-03-03T10:00:00Z', TINA, 'status-changed', 'open', 'resolved'),
          ev('A', '2026-03-03T11:00:00Z', ERIN, 'rated', null, 'bad'),
          ev('A', '2026-03-03T12:00:00Z', ERIN, 'rated', null, 'good'),
        ],
      ],
      ['B', [ev('B', '2026-03-05T10:00:00Z', TINA, 'status-changed', 'open', 'resolved'), ev('B', '2026-03-05T11:00:00Z', ERIN, 'rated', null, 'bad')]],
      // Rated after the period's end: not counted; its resolution is.
      ['C', [ev('C', '2026-03-31T10:00:00Z', TINA, 'status-changed', 'open', 'resolved'), ev('C', '2026-04-02T11:00:00Z', ERIN, 'rated', null, 'good')]],
    ]);
    const tickets = [
      { id: 'A', category: 'printer' as const },
      { id: 'B', category: 'network' as const },
      { id: 'C', category: 'printer' as const },
    ];
    const s = satisfactionFigures(tickets, events, inPeriod, end);
    expect(s.overall).toEqual({ good: 1, bad: 1, csatPercent: 50, resolutions: 4, reopened: 1, reopenPercent: 25 });
    expect(s.byTechnician).toEqual([{ userId: 'u-tina', name: 'Tina Tech', good: 1, bad: 1, csatPercent: 50, resolutions: 4, reopened: 1, reopenPercent: 25 }]);
    expect(s.byCategory.find((c) => c.category === 'printer')).toMatchObject({ good: 1, bad: 0, csatPercent: 100, resolutions: 3, reopened: 1 });
    expect(s.byCategory.find((c) => c.category === 'network')).toMatchObject({ good: 0, bad: 1, csatPercent: 0, resolutions: 1, reopened: 0 });
  });

  it('says nothing (null) rather than 0 % when there is nothing to measure', () => {
    expect(satisfactionFigures([], new Map(), inPeriod, end).overall).toEqual({ good: 0, bad: 0, csatPercent: null, resolutions: 0, reopened: 0, reopenPercent: null });
  });
});
