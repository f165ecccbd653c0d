import { describe, expect, it } from 'vitest';
import { createJsonLogger, redact } from './logger.js';

describe('logger', () => {
  it('writes one JSON line per entry and masks credential-looking fields at any depth', () => {
    const lines: string[] = [];
    const log = createJsonLogger({ write: (l) => void lines.push(l), level: 'info' });
    log.debug('hidden');
    log.info('hello', { deviceKey: 'k-secret', nested: { enrollToken: 't-secret', ok: 1 }, list: [{ password: 'p' }] });
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0] ?? '') as Record<string, unknown>;
    expect(entry).toMatchObject({ level: 'info', msg: 'hello', deviceKey: '[redacted]', nested: { enrollToken: '[redacted]', ok: 1 } });
    expect(lines[0]).not.toMatch(/secret/);
    expect(redact(new Error('boom'))).toEqual({ name: 'Error', message: 'boom' });
  });
});
