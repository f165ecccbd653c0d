// Property tests over EVERY schema the protocol exports (found by walking the package's index, so a
// schema added tomorrow is covered without touching this file):
// - arbitrary JSON (and non-JSON values) never makes a schema throw: safeParse only answers;
// - payloads generated from the schema itself are accepted and survive a JSON round trip;
// - mutations (a wrong type, a negative number, a string past its cap, an array past its cap) are refused.
import fc from 'fast-check';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import * as protocol from '../index.js';
import { IdSchema } from '../ids.js';

type Def = {
  type: string;
  checks?: Array<{ _zod: { def: Record<string, unknown> } }>;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  items?: z.ZodType[];
  in?: z.ZodType;
  out?: z.ZodType;
  format?: string;
  pattern?: RegExp;
  catchall?: z.ZodType;
};

const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (s: z.ZodType) => (defOf(s).checks ?? []).map((c) => c._zod.def);
const checkValue = (s: z.ZodType, name: string, key: string): number | undefined => {
  const c = checksOf(s).find((d) => d['check'] === name);
  return typeof c?.[key] === 'number' ? c[key] : undefined;
};

const SCHEMAS = Object.entries(protocol as Record<string, unknown>)
  .filter((entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType)
  .sort(([a], [b]) => a.localeCompare(b));

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const ulid = fc.tuple(fc.integer({ min: 0, max: 7 }), fc.array(fc.constantFrom(...CROCKFORD), { minLength: 25, maxLength: 25 })).map(([first, rest]) => String(first) + rest.join(''));
const instant = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true });

/** Strings of `min`..`max` UTF-16 units, favouring the edges (empty, the cap, odd code points). */
function boundedString(min: number, max: number): fc.Arbitrary<string> {
  const cap = Math.min(max, 64);
  const parts: Array<fc.Arbitrary<string>> = [
    fc.string({ minLength: Math.min(min, cap), maxLength: Math.max(Math.min(min, cap), cap) }),
    fc.string({ unit: 'binary', minLength: min, maxLength: Math.max(min, Math.floor(cap / 2)) }),
  ];
  if (Number.isFinite(max) && max <= 100_000) parts.push(fc.constant('\u202E<img src=x onerror=alert(1)>\u0000'.padEnd(max, 'x').slice(0, max)));
  return fc.oneof(...parts).filter((s) => s.length >= min && s.length <= max);
}

const localDate = instant.map((d) => d.toISOString().slice(0, 10));

/**
 * Schemas whose cross-field refinements (a time zone from the IANA list, from ≤ to, a group that
 * names the field it groups by) a generic walk of the shape cannot meet: their valid values, by hand.
 */
const HAND_MADE: ReadonlyMap<z.ZodType, fc.Arbitrary<unknown>> = new Map<z.ZodType, fc.Arbitrary<unknown>>([
  [
    protocol.ActivityReportQuerySchema,
    fc.record({ from: localDate, span: fc.integer({ min: 0, max: 365 }), tz: fc.constantFrom('UTC', 'Europe/Paris', 'America/New_York', 'Asia/Tokyo') }).map(({ from, span, tz }) => ({
      from,
      to: new Date(Date.parse(from) + span * 86_400_000).toISOString().slice(0, 10),
      tz,
    })),
  ],
  [
    protocol.GroupCreateSchema,
    fc.oneof(
      fc.record({ name: fc.constantFrom('Accounting', 'Floor 2'), kind: fc.constant('department'), filter: fc.record({ department: fc.constantFrom('acct', 'sales') }) }),
      fc.record({ name: fc.constant('Lyon office'), kind: fc.constant('location'), filter: fc.record({ location: fc.constantFrom('Lyon', 'Paris') }) }),
      fc.record({ name: fc.constant('Retired laptops'), kind: fc.constant('filter'), filter: fc.record({ lifecycle: fc.constantFrom('retired', 'in-stock') }) }),
    ),
  ],
]);

/** An arbitrary of values the schema should accept (refinements the walker cannot see are filtered later). */
function arbitraryFor(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  const handMade = HAND_MADE.get(schema);
  if (handMade) return handMade;
  if (schema === IdSchema) return ulid;
  const def = defOf(schema);
  switch (def.type) {
    case 'string': {
      if (def.format === 'datetime') return instant.map((d) => d.toISOString());
      if (def.format === 'date') return instant.map((d) => d.toISOString().slice(0, 10));
      if (def.format === 'email') return fc.emailAddress().filter((e) => schema.safeParse(e).success);
      if (def.format === 'url') return fc.webUrl();
      if (def.format === 'uuid') return fc.uuid();
      const min = checkValue(schema, 'min_length', 'minimum') ?? checkValue(schema, 'length_equals', 'length') ?? 0;
      const max = checkValue(schema, 'max_length', 'maximum') ?? checkValue(schema, 'length_equals', 'length') ?? 256;
      const pattern = def.pattern ?? (checksOf(schema).find((c) => c['pattern'] instanceof RegExp)?.['pattern'] as RegExp | undefined);
      if (pattern) return fc.stringMatching(pattern).filter((s) => s.length >= min && s.length <= max);
      // A custom refinement on a bare string is, in this protocol, an id.
      if (checksOf(schema).some((c) => c['check'] === 'custom')) return ulid;
      return boundedString(min, max);
    }
    case 'number': {
      const lo = checksOf(schema).find((c) => c['check'] === 'greater_than');
      const hi = checksOf(schema).find((c) => c['check'] === 'less_than');
      const isInt = checksOf(schema).some((c) => c['check'] === 'number_format' && /int/.test(String(c['format'])));
      let min = typeof lo?.['value'] === 'number' ? lo['value'] : -1e9;
      let max = typeof hi?.['value'] === 'number' ? hi['value'] : 1e9;
      if (isInt) {
        // zod's int() also means "safe integer", whatever a wider max says.
        min = Math.max(min, Number.MIN_SAFE_INTEGER);
        max = Math.min(max, Number.MAX_SAFE_INTEGER);
        if (lo?.['inclusive'] === false) min = Math.floor(min) + 1;
        if (hi?.['inclusive'] === false) max = Math.ceil(max) - 1;
      }
      if (isInt) return fc.oneof(fc.integer({ min: Math.ceil(Math.max(min, -(2 ** 31))), max: Math.floor(Math.min(max, 2 ** 31)) }), fc.constant(Math.ceil(min)), fc.constant(Math.floor(max)));
      return fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).filter((n) => (lo?.['inclusive'] === false ? n > min : true) && (hi?.['inclusive'] === false ? n < max : true));
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'undefined':
      return fc.constant(undefined);
    case 'unknown':
    case 'any':
      return fc.jsonValue({ maxDepth: 2 });
    case 'literal':
      return fc.constantFrom(...(def.values ?? []));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? {}));
    case 'nullable':
      return fc.option(arbitraryFor(def.innerType as z.ZodType, depth), { nil: null, freq: 3 });
    case 'optional':
      return fc.option(arbitraryFor(def.innerType as z.ZodType, depth), { nil: undefined, freq: 3 });
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return arbitraryFor(def.innerType as z.ZodType, depth);
    case 'pipe':
      // z.preprocess(fn, schema) is a pipe from a transform: generate what the inner schema takes.
      return defOf(def.in as z.ZodType).type === 'transform' ? arbitraryFor(def.out as z.ZodType, depth) : arbitraryFor(def.in as z.ZodType, depth);
    case 'lazy':
      return fc.constant(undefined);
    case 'array': {
      const exact = checkValue(schema, 'length_equals', 'length');
      const max = exact ?? Math.min(checkValue(schema, 'max_length', 'maximum') ?? 4, depth > 2 ? 1 : 4);
      const min = exact ?? checkValue(schema, 'min_length', 'minimum') ?? 0;
      return fc.array(arbitraryFor(def.element as z.ZodType, depth + 1), { minLength: min, maxLength: Math.max(min, max) });
    }
    case 'tuple':
      return fc.tuple(...(def.items ?? []).map((i) => arbitraryFor(i, depth + 1)));
    case 'record':
      return fc
        .array(fc.tuple(arbitraryFor(def.keyType as z.ZodType, depth + 1), arbitraryFor(def.valueType as z.ZodType, depth + 1)), { maxLength: 3 })
        .map((pairs) => Object.fromEntries(pairs.filter(([k]) => typeof k === 'string')));
    case 'union':
      return fc.oneof(...(def.options ?? []).map((o) => arbitraryFor(o, depth)));
    case 'object': {
      const shape = def.shape ?? {};
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, value] of Object.entries(shape)) record[key] = arbitraryFor(value, depth + 1);
      // Optional members stay absent (not `undefined`) when not drawn, like a parsed JSON object.
      return fc.record(record).map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)));
    }
    default:
      throw new Error(`schemas.property.test: no generator for zod type "${def.type}"; teach arbitraryFor about it`);
  }
}

/** Where a value can be broken, and how: found by walking schema and value together. */
type Mutation = { path: Array<string | number>; to: unknown; why: string };

function mutationsFor(schema: z.ZodType, value: unknown, path: Array<string | number> = []): Mutation[] {
  const def = defOf(schema);
  const out: Mutation[] = [];
  switch (def.type) {
    case 'nullable':
    case 'optional':
    case 'default':
    case 'readonly':
      return value === null || value === undefined ? [] : mutationsFor(def.innerType as z.ZodType, value, path);
    case 'string': {
      out.push({ path, to: 12345, why: 'a number where a string goes' });
      const max = checkValue(schema, 'max_length', 'maximum');
      if (max !== undefined && max < 5_000_000) out.push({ path, to: 'x'.repeat(max + 1), why: `a string past its ${max} cap` });
      return out;
    }
    case 'number': {
      // Query-string schemas coerce on purpose ("5" is 5); a string is no mutation for them.
      if ((def as { coerce?: boolean }).coerce !== true) out.push({ path, to: String(value), why: 'a string where a number goes' });
      out.push({ path, to: Number.POSITIVE_INFINITY, why: 'Infinity' });
      const lo = checksOf(schema).find((c) => c['check'] === 'greater_than');
      if (typeof lo?.['value'] === 'number' && lo['value'] >= 0) out.push({ path, to: -1, why: 'a negative number' });
      return out;
    }
    case 'boolean':
      return [{ path, to: 'true', why: 'a string where a boolean goes' }];
    case 'enum':
      return [{ path, to: 'not-a-member-of-this-enum', why: 'a value outside the enum' }];
    case 'array': {
      out.push({ path, to: { length: 1 }, why: 'an object where an array goes' });
      const max = checkValue(schema, 'max_length', 'maximum');
      if (max !== undefined && max <= 4096 && Array.isArray(value) && value.length > 0) {
        out.push({ path, to: Array.from({ length: max + 1 }, () => value[0]), why: `an array past its ${max} cap` });
      }
      if (Array.isArray(value)) value.forEach((v, i) => out.push(...mutationsFor(def.element as z.ZodType, v, [...path, i])));
      return out;
    }
    case 'object': {
      out.push({ path, to: 'an object was expected', why: 'a string where an object goes' });
      if (value && typeof value === 'object') {
        for (const [key, member] of Object.entries(def.shape ?? {})) {
          const v = (value as Record<string, unknown>)[key];
          if (v !== undefined) out.push(...mutationsFor(member, v, [...path, key]));
        }
      }
      return out;
    }
    default:
      // Unions, records, literals, unknowns: a replacement may well be valid there; not a fair mutation.
      return [];
  }
}

function setAt(value: unknown, path: Array<string | number>, to: unknown): unknown {
  if (path.length === 0) return to;
  const copy = JSON.parse(JSON.stringify(value)) as unknown;
  let cursor = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) cursor = cursor[key] as Record<string | number, unknown>;
  cursor[path[path.length - 1] as string | number] = to;
  return copy;
}

const hostile = fc.oneof(
  fc.jsonValue({ maxDepth: 8 }),
  fc.anything({ maxDepth: 4, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true, withSparseArray: true }),
  fc.constantFrom<unknown>(
    JSON.parse('{"__proto__": {"polluted": true}}'),
    JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
    Number.NaN,
    Number.NEGATIVE_INFINITY,
    -0,
    2 ** 80,
    '\u202E\u0000',
    Symbol('x'),
    () => 1,
  ),
);

describe('every protocol schema', () => {
  it('finds the schemas it promises to cover', () => {
    expect(SCHEMAS.length).toBeGreaterThan(30);
    expect(SCHEMAS.map(([name]) => name)).toEqual(expect.arrayContaining(['HeartbeatSchema', 'InventoryFullSchema', 'AgentHandshakeSchema']));
  });

  describe.each(SCHEMAS)('%s', (_name, schema) => {
    it('never throws on arbitrary input, only answers', () => {
      fc.assert(
        fc.property(hostile, (input) => {
          const result = schema.safeParse(input);
          expect(typeof result.success).toBe('boolean');
        }),
        { numRuns: 150 },
      );
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    });

    it('accepts what it describes, and what it accepts survives a JSON round trip', () => {
      let accepted = 0;
      let total = 0;
      fc.assert(
        fc.property(arbitraryFor(schema), (value) => {
          total++;
          const parsed = schema.safeParse(value);
          if (!parsed.success) return;
          accepted++;
          const again = schema.safeParse(JSON.parse(JSON.stringify(parsed.data)));
          expect(again.success, again.success ? '' : JSON.stringify(again.error.issues[0])).toBe(true);
          // Compared as JSON: -0 and 0 are the same number on the wire.
          if (again.success) expect(JSON.stringify(again.data)).toBe(JSON.stringify(parsed.data));
        }),
        { numRuns: 60 },
      );
      // Cross-field refinements may refuse some generated values; most must pass or the generator is blind.
      expect(accepted, `only ${accepted}/${total} generated values were accepted`).toBeGreaterThanOrEqual(total * 0.15);
    });

    it('refuses wrong types, negative numbers and values past their caps', () => {
      fc.assert(
        fc.property(
          // Not `.filter()`: a refinement the generator rarely meets would make it spin forever.
          arbitraryFor(schema),
          fc.nat(),
          (value, pick) => {
            if (!schema.safeParse(value).success) return;
            const mutations = mutationsFor(schema, value);
            if (mutations.length === 0) return;
            const m = mutations[pick % mutations.length] as Mutation;
            const result = schema.safeParse(setAt(value, m.path, m.to));
            expect(result.success, `${m.why} at ${m.path.join('.') || '(root)'} was accepted`).toBe(false);
          },
        ),
        { numRuns: 40 },
      );
    });
  });
});
