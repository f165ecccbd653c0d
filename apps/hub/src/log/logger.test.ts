import { describe, expect, it } from 'vitest';
import { createLogger, parseLogLevel } from './logger.js';

const CANARY = 'canary-7f3a91c2e5d4b8';

function capture(level: 'debug' | 'info' | 'warn' | 'error' = 'debug') {
  const lines: string[] = [];
  const logger = createLogger({ level, write: (l) => void lines.push(l), clock: () => new Date('2025-01-01T00:00:00Z') });
  return { logger, lines };
}

describe('logger', () => {
  it('writes one JSON object per line with time, level and message', () => {
    const { logger, lines } = capture();
    logger.info('hello', { n: 1 });
    expect(lines).toHaveLength(1);
    expect(lines[0]?.endsWith('\n')).toBe(true);
    expect(JSON.parse(lines[0] ?? '')).toEqual({ n: 1, time: '2025-01-01T00:00:00.000Z', level: 'info', msg: 'hello' });
  });

  it('drops lines below its level', () => {
    const { logger, lines } = capture('warn');
    logger.debug('a');
    logger.info('b');
    logger.warn('c');
    logger.error('d');
    expect(lines.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(['c', 'd']);
  });

  it('never writes a secret-looking field, however it is nested or named', () => {
    const { logger, lines } = capture();
    const child = logger.child({ component: 'auth', apiToken: CANARY });
    child.info('login', {
      password: CANARY,
      user: { adminPassword: CANARY, nested: [{ deviceKey: CANARY }, { enrollToken: CANARY }] },
      headers: { Authorization: `Bearer ${CANARY}`, cookie: CANARY },
      clientSecret: CANARY,
      sessionToken: CANARY,
      safe: 'visible',
    });
    const out = lines.join('');
    expect(out).not.toContain(CANARY);
    expect(out).toContain('visible');
    expect(out).toContain('[redacted]');
  });

  it('survives cycles, errors and shared references', () => {
    const { logger, lines } = capture();
    const shared = { a: 1 };
    const cyclic: Record<string, unknown> = { shared, again: shared };
    cyclic['self'] = cyclic;
    logger.error('boom', { error: new Error('bad'), cyclic });
    const record = JSON.parse(lines[0] ?? '') as { error: { message: string }; cyclic: Record<string, unknown> };
    expect(record.error.message).toBe('bad');
    expect(record.cyclic['self']).toBe('[cycle]');
    expect(record.cyclic['again']).toEqual({ a: 1 });
  });

  it('parses DESKSIDE_LOG_LEVEL, falling back on nonsense', () => {
    expect(parseLogLevel('DEBUG')).toBe('debug');
    expect(parseLogLevel(' warn ')).toBe('warn');
    expect(parseLogLevel('verbose')).toBe('info');
    expect(parseLogLevel(undefined, 'error')).toBe('error');
  });
});
