import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InvalidIpcArguments, parseIpcArgs } from './ipc-args.js';

const SCHEMA = z.tuple([z.string().trim().min(1).max(10), z.number().int()]);

describe('parseIpcArgs', () => {
  it('returns the parsed list (schema transforms applied)', () => {
    expect(parseIpcArgs('x:do', SCHEMA, ['  hi  ', 3])).toEqual(['hi', 3]);
  });

  it.each<[string, unknown[]]>([
    ['nothing', []],
    ['one missing', ['hi']],
    ['one extra', ['hi', 3, 'more']],
    ['a wrong type', [3, 'hi']],
    ['a string over the limit', ['x'.repeat(11), 3]],
    ['an object posing as a string', [{ toString: () => 'hi' }, 3]],
  ])('throws InvalidIpcArguments for %s, naming the channel and no value', (_name, args) => {
    expect(() => parseIpcArgs('x:do', SCHEMA, args)).toThrow(InvalidIpcArguments);
    expect(() => parseIpcArgs('x:do', SCHEMA, args)).toThrow(/^invalid arguments for x:do$/);
  });
});
