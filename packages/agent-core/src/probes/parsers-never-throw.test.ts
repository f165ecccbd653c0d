import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseWith } from './define-probe.js';
import * as probes from './index.js';
import type { ProbeResult } from './probe.js';

// Every exported parser, fed random text and random bytes: it answers, it never throws.
const NOT_PROBE_PARSERS = new Set(['parseWith', 'parseLocaleNumber', 'parseGroupedInteger', 'parseByteSize', 'parsePrintedDate', 'parseAlignedTable', 'parseIndentTree', 'parseWmicList', 'parseRegistryExport', 'parseDmiRecords']);
const parsers: [string, (text: string) => ProbeResult<unknown>][] = Object.entries(probes as Record<string, unknown>).flatMap(([name, value]) =>
  /^parse[A-Z]/.test(name) && !NOT_PROBE_PARSERS.has(name) && typeof value === 'function' ? [[name, value as (text: string) => ProbeResult<unknown>]] : [],
);

describe('parsers never throw', () => {
  it('covers the parsers', () => expect(parsers.length).toBeGreaterThanOrEqual(25));

  it.each(parsers)('%s on random input', (_name, parse) => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.uint8Array({ maxLength: 512 }).map((b) => Buffer.from(b).toString('latin1'))), (text) => {
        const result = parseWith(parse, text);
        expect(['ok', 'unknown']).toContain(result.status);
      }),
      { numRuns: 150 },
    );
  });

  it.each(parsers)('%s on empty output', (_name, parse) => {
    expect(parseWith(parse, new Uint8Array()).status).toMatch(/^(ok|unknown)$/);
  });
});
