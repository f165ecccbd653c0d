import { describe, expect, it } from 'vitest';
import type { Logger } from '../util/logger.js';
import { StatusPublisher } from './status-publisher.js';

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const log = (level: string) => (message: string) => void lines.push(`${level}: ${message}`);
  return { lines, debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

describe('StatusPublisher', () => {
  it('announces to every listener even when one throws, with a snapshot that counts the outbox', () => {
    const logger = recordingLogger();
    let queued = 3;
    const status = new StatusPublisher(logger, () => queued);
    const seen: number[] = [];
    status.subscribe(() => {
      throw new Error('tray bug');
    });
    status.subscribe((_event, snapshot) => seen.push(snapshot.queued));
    status.emit({ type: 'connected' });
    queued = 0;
    status.emit({ type: 'connected' });
    expect(seen).toEqual([3, 0]);
    expect(logger.lines.filter((l) => l.startsWith('warn: status listener threw'))).toHaveLength(2);
  });

  it('reports an error as logged, kept in the snapshot and announced; unsubscribe stops announcements', () => {
    const logger = recordingLogger();
    const status = new StatusPublisher(logger, () => 0);
    const events: string[] = [];
    const off = status.subscribe((event) => events.push(event.type));
    status.update({ phase: 'connected' });
    status.error('heartbeat_failed', 'heartbeat failed: disk full');
    expect(status.snapshot()).toMatchObject({ phase: 'connected', error: { code: 'heartbeat_failed', fatal: false } });
    expect(logger.lines).toContain('error: heartbeat failed: disk full');
    off();
    status.error('x', 'y');
    expect(events).toEqual(['error']);
  });
});
