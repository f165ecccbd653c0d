import { describe, expect, it } from 'vitest';
import { compactDateToIso, inferDayMonthOrder, parsePrintedDate } from './dates.js';

describe('compactDateToIso', () => {
  it.each([
    ['20210724', '2021-07-24'],
    ['20231301', undefined],
    ['20230230', undefined],
    ['2021072', undefined],
    ['', undefined],
  ])('%j → %s', (text, expected) => expect(compactDateToIso(text)).toBe(expected));
});

describe('inferDayMonthOrder', () => {
  it.each([
    [['24/04/2024 09:37', '01/02/2021 04:03'], 'dmy'],
    [['6/27/09 8:18 AM', '7/6/09 8:18 AM'], 'mdy'],
    [['01/02/2021', '03/04/2021'], undefined],
    [['13/01/2021', '01/13/2021'], undefined],
    [['2024-04-24'], undefined],
  ] as const)('%j → %s', (texts, expected) => expect(inferDayMonthOrder(texts)).toBe(expected));
});

describe('parsePrintedDate', () => {
  it.each([
    ['2/16/2021 11:20:27 AM', 'mdy', '2021-02-16T11:20:27'],
    ['3/28/2021 2:34:44 PM', 'mdy', '2021-03-28T14:34:44'],
    ['1/1/2015 12:00:00 AM', 'mdy', '2015-01-01T00:00:00'],
    ['24/04/2024 09:37', undefined, '2024-04-24T09:37'],
    ['16.02.2023', 'dmy', '2023-02-16'],
    ['2024-04-24', undefined, '2024-04-24'],
    ['6/27/09 8:18 AM', 'mdy', '2009-06-27T08:18'],
    ['1/1/99', 'mdy', '1999-01-01'],
  ] as const)('%s (%s) → %s', (text, order, iso) => expect(parsePrintedDate(text, order).iso).toBe(iso));

  it.each([
    ['03/04/2021', undefined, 'ambiguous'],
    ['jeu. 16 févr. 2023 10:36:03', 'dmy', 'unrecognized'],
    ['31/02/2021', 'dmy', 'not a calendar date'],
    ['13/13/2021', 'mdy', 'not a calendar date'],
    ['1/2/2021 25:00', 'mdy', 'invalid time'],
  ] as const)('%s keeps the text: %s', (text, order, note) => {
    const parsed = parsePrintedDate(text, order);
    expect(parsed).toMatchObject({ text, iso: null });
    expect(parsed.note).toContain(note);
  });
});
