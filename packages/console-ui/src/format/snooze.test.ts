import { describe, expect, it } from 'vitest';
import { defaultCustomSnooze, parseCustomSnooze, snoozeChoices } from './snooze.js';

// Local wall-clock times: the tests hold in whatever zone they run.
const local = (y: number, mo: number, d: number, h: number, mi = 0) => new Date(y, mo - 1, d, h, mi).getTime();

describe('snoozeChoices', () => {
  it('offers 1 h, 4 h and tomorrow 08:00 local time', () => {
    const now = local(2026, 3, 10, 22, 15);
    const [one, four, tomorrow] = snoozeChoices(now);
    expect(Date.parse(one!.until) - now).toBe(3_600_000);
    expect(Date.parse(four!.until) - now).toBe(4 * 3_600_000);
    expect(Date.parse(tomorrow!.until)).toBe(local(2026, 3, 11, 8));
  });

  it('rolls over the end of a month', () => {
    expect(Date.parse(snoozeChoices(local(2026, 1, 31, 9))[2]!.until)).toBe(local(2026, 2, 1, 8));
  });
});

describe('parseCustomSnooze', () => {
  const now = local(2026, 3, 10, 12);
  it('accepts a future local time', () => {
    expect(parseCustomSnooze('2026-03-10T14:30', now)).toEqual({ ok: true, until: new Date(local(2026, 3, 10, 14, 30)).toISOString() });
  });
  it.each([
    ['', /pick a date/i],
    ['garbage', /pick a date/i],
    ['2026-02-31T10:00', /does not exist/i],
    ['2026-03-10T11:59', /future/i],
    ['2026-12-31T10:00', /90 days/i],
  ])('refuses %j', (value, message) => {
    const result = parseCustomSnooze(value, now);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
  it('starts the picker an hour ahead, in a form it accepts', () => {
    expect(parseCustomSnooze(defaultCustomSnooze(now), now).ok).toBe(true);
  });
});
