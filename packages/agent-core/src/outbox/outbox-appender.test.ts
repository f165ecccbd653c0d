import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Outbox } from './outbox.js';
import { OutboxAppender } from './outbox-appender.js';

describe('OutboxAppender and Outbox.rescan (another process adds items)', () => {
  it('adds an item after the owner’s, which the owner picks up once, in order', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'outbox-append-')), 'outbox');
    const owner = await Outbox.open(dir);
    await owner.enqueue('device:heartbeat', { n: 1 }, 'low');
    // A temp file the owner is still writing must survive the appender (it never cleans up).
    await writeFile(join(dir, '01J0000000000000000000ZZZZ.tmp'), 'half');
    const record = await new OutboxAppender(dir).enqueue('ticket:create', { id: 't' }, 'high');
    expect(await readdir(dir)).toContain('01J0000000000000000000ZZZZ.tmp');
    expect(owner.size()).toBe(1);
    expect(await owner.rescan()).toBe(1);
    expect(await owner.rescan()).toBe(0);
    expect(owner.size()).toBe(2);
    const [first, second] = await owner.peek(2);
    expect(first?.kind).toBe('device:heartbeat');
    expect(second).toMatchObject({ id: record.id, kind: 'ticket:create', priority: 'high', payload: { id: 't' } });
    await owner.ack(record.id);
    expect(await owner.rescan()).toBe(0);
    expect(owner.size()).toBe(1);
  });

  it('moves a foreign file that is not a valid item aside on rescan', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'outbox-append-')), 'outbox');
    const owner = await Outbox.open(dir);
    await writeFile(join(dir, '01J00000000000000000000ABC.json'), '{"not":"a record"}');
    expect(await owner.rescan()).toBe(0);
    expect(await readdir(join(dir, 'corrupt'))).toHaveLength(1);
  });
});
