import { describe, expect, it } from 'vitest';
import { formatSpan, slaDisplay, slaText } from './sla.js';
import { makeTicket } from '../state/test-tickets.js';

const MIN = 60_000;
const NOW = Date.parse('2026-03-10T14:00:00.000Z');

describe('formatSpan', () => {
  it.each([
    [0, '<1 min'],
    [59_999, '<1 min'],
    [MIN, '1 min'],
    [42 * MIN + 30_000, '42 min'],
    [60 * MIN, '1 h'],
    [185 * MIN, '3 h 5 min'],
    [24 * 60 * MIN, '1 d'],
    [(2 * 24 + 4) * 60 * MIN + 7 * MIN, '2 d 4 h'],
    [-1, '—'],
    [Number.NaN, '—'],
  ])('%d ms reads %s', (ms, text) => expect(formatSpan(ms)).toBe(text));
});

describe('slaText', () => {
  it('says time left, due soon, overdue, paused and met', () => {
    expect(slaText('ok', 125 * MIN)).toBe('2 h 5 min left');
    expect(slaText('breaching-soon', 12 * MIN)).toBe('Due in 12 min');
    expect(slaText('breached', -63 * MIN)).toBe('Overdue by 1 h 3 min');
    expect(slaText('breached', 30 * MIN)).toBe('Breached');
    expect(slaText('paused', 10 * MIN)).toBe('Paused');
    expect(slaText('met', -10 * MIN)).toBe('Met');
    expect(slaText('ok', Number.NaN)).toBe('On track');
  });
});

describe('slaDisplay', () => {
  it('counts to the first response until there is one, then to the resolution', () => {
    const fresh = makeTicket({ sla: { firstResponseDueAt: '2026-03-10T16:00:00.000Z', resolutionDueAt: '2026-03-12T14:00:00.000Z', state: 'ok' } });
    expect(slaDisplay(fresh, NOW)).toMatchObject({ state: 'ok', text: '2 h left', target: 'first response' });
    const answered = { ...fresh, firstResponseAt: '2026-03-10T13:00:00.000Z' };
    expect(slaDisplay(answered, NOW)).toMatchObject({ state: 'ok', text: '2 d left', target: 'resolution', dueAt: '2026-03-12T14:00:00.000Z' });
  });

  it('turns a running clock past its due time into breached, live', () => {
    const t = makeTicket({ sla: { firstResponseDueAt: '2026-03-10T14:10:00.000Z', resolutionDueAt: null, state: 'breaching-soon' } });
    expect(slaDisplay(t, NOW)).toMatchObject({ state: 'breaching-soon', text: 'Due in 10 min' });
    expect(slaDisplay(t, NOW + 25 * MIN)).toMatchObject({ state: 'breached', text: 'Overdue by 15 min' });
  });

  it('keeps the hub’s paused and met whatever the clock says', () => {
    const paused = makeTicket({ status: 'pending', sla: { firstResponseDueAt: '2026-03-10T13:00:00.000Z', resolutionDueAt: null, state: 'paused' } });
    expect(slaDisplay(paused, NOW).state).toBe('paused');
    const met = makeTicket({ status: 'resolved', sla: { firstResponseDueAt: '2026-03-10T13:00:00.000Z', resolutionDueAt: null, state: 'met' } });
    expect(slaDisplay(met, NOW)).toMatchObject({ state: 'met', text: 'Met' });
  });
});
