import { describe, expect, it } from 'vitest';
import { addBusinessMs, businessMsBetween, localToUtc, workCalendar, type Pause } from './sla-clock.js';

const H = 3_600_000;
const t = (iso: string) => Date.parse(iso);
const office = (timeZone: string, holidays: string[] = []) =>
  workCalendar({
    timeZone,
    week: [null, ...Array.from({ length: 5 }, () => ({ start: '08:00', end: '18:00' })), null],
    holidays,
  });
const allDay = (timeZone: string) => workCalendar({ timeZone, week: Array.from({ length: 7 }, () => ({ start: '00:00', end: '24:00' })), holidays: [] });

describe('addBusinessMs', () => {
  const paris = office('Europe/Paris');

  it('counts within one business day', () => {
    // Tue 2025-03-04 10:00 CET = 09:00Z.
    expect(addBusinessMs(paris, t('2025-03-04T09:00:00Z'), 3 * H)).toBe(t('2025-03-04T12:00:00Z'));
  });

  it('starts at opening time when created before it', () => {
    // Tue 06:00 CET + 1 h → 09:00 CET.
    expect(addBusinessMs(paris, t('2025-03-04T05:00:00Z'), H)).toBe(t('2025-03-04T08:00:00Z'));
  });

  it('skips the weekend', () => {
    // Fri 2025-02-28 17:00 CET + 2 h → Mon 2025-03-03 09:00 CET.
    expect(addBusinessMs(paris, t('2025-02-28T16:00:00Z'), 2 * H)).toBe(t('2025-03-03T08:00:00Z'));
  });

  it('skips holidays', () => {
    const closedMonday = office('Europe/Paris', ['2025-03-03']);
    expect(addBusinessMs(closedMonday, t('2025-02-28T16:00:00Z'), 2 * H)).toBe(t('2025-03-04T08:00:00Z'));
  });

  it('follows the wall clock across a DST change (Paris springs forward on Sun 2025-03-30)', () => {
    // Fri 2025-03-28 17:00 CET (16:00Z) + 2 h → Mon 2025-03-31 09:00 CEST (07:00Z).
    expect(addBusinessMs(paris, t('2025-03-28T16:00:00Z'), 2 * H)).toBe(t('2025-03-31T07:00:00Z'));
    // …and back in autumn: Fri 2025-10-24 17:00 CEST (15:00Z) + 2 h → Mon 2025-10-27 09:00 CET (08:00Z).
    expect(addBusinessMs(paris, t('2025-10-24T15:00:00Z'), 2 * H)).toBe(t('2025-10-27T08:00:00Z'));
  });

  it('three business days of ten hours span a weekend', () => {
    // Thu 2025-03-06 08:00 CET + 30 h → Mon 2025-03-10 18:00 CET.
    expect(addBusinessMs(paris, t('2025-03-06T07:00:00Z'), 30 * H)).toBe(t('2025-03-10T17:00:00Z'));
  });

  it('moves the due time by the paused business time', () => {
    const pauses: Pause[] = [{ from: t('2025-03-04T08:00:00Z'), to: t('2025-03-04T10:00:00Z') }];
    // Tue 08:00 CET start, paused 09:00–11:00 CET, 3 h → 13:00 CET.
    expect(addBusinessMs(paris, t('2025-03-04T07:00:00Z'), 3 * H, pauses)).toBe(t('2025-03-04T12:00:00Z'));
  });

  it('a pause across the night only costs its business part', () => {
    // Paused Tue 17:00 CET → Wed 09:00 CET: 2 business hours lost; 9 h on Tue, 1 h on Wed → Wed 10:00 CET.
    const pauses: Pause[] = [{ from: t('2025-03-04T16:00:00Z'), to: t('2025-03-05T08:00:00Z') }];
    expect(addBusinessMs(paris, t('2025-03-04T07:00:00Z'), 10 * H, pauses)).toBe(t('2025-03-05T09:00:00Z'));
  });

  it('answers null while an open pause stops the clock', () => {
    const pauses: Pause[] = [{ from: t('2025-03-04T09:00:00Z'), to: null }];
    expect(addBusinessMs(paris, t('2025-03-04T07:00:00Z'), 3 * H, pauses)).toBeNull();
    // Met before the pause began: the pause does not matter.
    expect(addBusinessMs(paris, t('2025-03-04T07:00:00Z'), H, pauses)).toBe(t('2025-03-04T08:00:00Z'));
  });

  it('answers null for a calendar without business time', () => {
    const closed = workCalendar({ timeZone: 'UTC', week: [null, null, null, null, null, null, null], holidays: [] });
    expect(addBusinessMs(closed, t('2025-03-04T07:00:00Z'), H)).toBeNull();
  });
});

describe('businessMsBetween', () => {
  it('counts only open hours, skipping weekends and holidays', () => {
    const paris = office('Europe/Paris', ['2025-03-03']);
    // Fri 2025-02-28 08:00 CET → Tue 2025-03-04 18:00 CET: Fri 10 h + Tue 10 h (Mon is a holiday).
    expect(businessMsBetween(paris, t('2025-02-28T07:00:00Z'), t('2025-03-04T17:00:00Z'))).toBe(20 * H);
  });

  it('a 24 × 7 calendar counts the short DST day as 23 hours', () => {
    const ny = allDay('America/New_York');
    // Sat 2025-03-08 00:00 EST (05:00Z) → Mon 2025-03-10 00:00 EDT (04:00Z): 24 + 23 h.
    expect(businessMsBetween(ny, t('2025-03-08T05:00:00Z'), t('2025-03-10T04:00:00Z'))).toBe(47 * H);
  });

  it('subtracts pauses and is zero for an empty range', () => {
    const paris = office('Europe/Paris');
    const pauses: Pause[] = [{ from: t('2025-03-04T08:00:00Z'), to: null }];
    expect(businessMsBetween(paris, t('2025-03-04T07:00:00Z'), t('2025-03-04T17:00:00Z'), pauses)).toBe(H);
    expect(businessMsBetween(paris, t('2025-03-04T17:00:00Z'), t('2025-03-04T07:00:00Z'))).toBe(0);
  });

  it('agrees with addBusinessMs', () => {
    const paris = office('Europe/Paris', ['2025-04-21']);
    const start = t('2025-04-17T13:12:00Z');
    for (const hours of [1, 7, 10, 33, 55]) {
      const due = addBusinessMs(paris, start, hours * H);
      expect(due).not.toBeNull();
      expect(businessMsBetween(paris, start, due ?? 0)).toBe(hours * H);
    }
  });
});

describe('localToUtc', () => {
  it('shifts a wall time skipped by spring-forward forward by the gap', () => {
    expect(localToUtc(2025, 3, 30, 150, 'Europe/Paris')).toBe(t('2025-03-30T01:30:00Z'));
  });
  it('maps a repeated wall time (fall back) to its first occurrence', () => {
    expect(localToUtc(2025, 10, 26, 150, 'Europe/Paris')).toBe(t('2025-10-26T00:30:00Z'));
  });
});
