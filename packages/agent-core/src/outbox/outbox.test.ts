import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, stat, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Outbox } from './outbox.js';
import { OutboxFullError } from './outbox-record.js';
import { incrementId as increment, monotonicIds } from '@deskside/protocol';

const tempDir = () => mkdtemp(join(tmpdir(), 'outbox-'));

describe('Outbox', () => {
  it('keeps items on disk across re-opens, in enqueue order, until acked', async () => {
    const dir = await tempDir();
    const a = await Outbox.open(dir);
    const first = await a.enqueue('heartbeat', { n: 1 }, 'low');
    const second = await a.enqueue('inventory', { n: 2 }, 'high');
    await a.enqueue('heartbeat', { n: 3 }, 'low');
    expect(a.size()).toBe(3);

    const b = await Outbox.open(dir);
    expect(b.size()).toBe(3);
    expect((await b.peek(10)).map((r) => r.payload)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(await b.ack(first!.id)).toBe(true);
    expect(await b.ack(first!.id)).toBe(false);

    const c = await Outbox.open(dir);
    expect((await c.peek(10)).map((r) => r.id)).toEqual([second!.id, expect.any(String)]);
    expect(c.size()).toBe(2);
    if (process.platform !== 'win32') expect((await stat(join(dir, `${second!.id}.json`))).mode & 0o777).toBe(0o600);
  });

  it('keeps ids increasing even when the clock stands still or steps back', async () => {
    let t = 1_000_000;
    const box = await Outbox.open(await tempDir(), { now: () => t });
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      if (i === 10) t -= 5_000;
      ids.push((await box.enqueue('heartbeat', i, 'low'))!.id);
    }
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(20);
  });

  it('orders concurrent enqueues by call order, with nothing lost', async () => {
    const dir = await tempDir();
    const box = await Outbox.open(dir);
    await Promise.all(Array.from({ length: 40 }, (_, i) => box.enqueue('heartbeat', i, 'low')));
    const reopened = await Outbox.open(dir);
    expect((await reopened.peek(100)).map((r) => r.payload)).toEqual(Array.from({ length: 40 }, (_, i) => i));
  });

  it('drops the oldest low-value items first when full, never high-value ones', async () => {
    const box = await Outbox.open(await tempDir(), { limits: { maxItems: 4, maxBytes: 1_000_000 } });
    await box.enqueue('heartbeat', 'L1', 'low');
    await box.enqueue('inventory', 'H1', 'high');
    await box.enqueue('heartbeat', 'L2', 'low');
    await box.enqueue('inventory', 'H2', 'high');
    await box.enqueue('heartbeat', 'L3', 'low');
    expect((await box.peek(10)).map((r) => r.payload)).toEqual(['H1', 'L2', 'H2', 'L3']);
    await box.enqueue('ticket', 'H3', 'high');
    await box.enqueue('ticket', 'H4', 'high');
    expect((await box.peek(10)).map((r) => r.payload)).toEqual(['H1', 'H2', 'H3', 'H4']);
    // Only high-value items left: a low one is refused, a high one is an error.
    expect(await box.enqueue('heartbeat', 'L4', 'low')).toBeNull();
    await expect(box.enqueue('ticket', 'H5', 'high')).rejects.toBeInstanceOf(OutboxFullError);
    expect(box.size()).toBe(4);
  });

  it('enforces the byte cap the same way', async () => {
    const box = await Outbox.open(await tempDir(), { limits: { maxItems: 1000, maxBytes: 600 } });
    for (let i = 0; i < 10; i++) await box.enqueue('heartbeat', 'x'.repeat(100), 'low');
    expect(box.bytes()).toBeLessThanOrEqual(600);
    expect(box.size()).toBeGreaterThan(0);
  });

  it('moves a corrupt file aside and removes leftover temp files', async () => {
    const dir = await tempDir();
    const box = await Outbox.open(dir);
    const good = await box.enqueue('heartbeat', { ok: true }, 'low');
    const badId = increment(good!.id);
    await writeFile(join(dir, `${badId}.json`), '{"v":1,"id":"'); // torn by an old crash
    await writeFile(join(dir, `${increment(badId)}.tmp`), 'partial');

    const reopened = await Outbox.open(dir);
    expect(reopened.size()).toBe(1);
    expect((await reopened.peek(5)).map((r) => r.id)).toEqual([good!.id]);
    expect(await readdir(join(dir, 'corrupt'))).toHaveLength(1);
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    // New ids still sort after everything seen on disk.
    const next = await reopened.enqueue('heartbeat', {}, 'low');
    expect(next!.id > good!.id).toBe(true);
  });

  it('skips an item whose file went bad after opening', async () => {
    const dir = await tempDir();
    const box = await Outbox.open(dir);
    const a = await box.enqueue('heartbeat', 1, 'low');
    const b = await box.enqueue('heartbeat', 2, 'low');
    await writeFile(join(dir, `${a!.id}.json`), 'garbage');
    expect((await box.peek(5)).map((r) => r.id)).toEqual([b!.id]);
    expect(box.size()).toBe(1);
  });
});

describe('monotonic ids', () => {
  it('increments with carry', () => {
    expect(increment('0000')).toBe('0001');
    expect(increment('000Z')).toBe('0010');
    const next = monotonicIds(() => 0, '7ZZZZZZZZZZZZZZZZZZZZZZZZZ');
    expect(next()).toBe('80000000000000000000000000');
  });
});

const distOutbox = new URL('../../dist/outbox/outbox.js', import.meta.url);

describe.skipIf(!existsSync(fileURLToPath(distOutbox)))('Outbox under kill -9', () => {
  it('keeps every item whose enqueue resolved before the process was killed', async () => {
    const dir = await tempDir();
    const script = `
      const { Outbox } = await import(${JSON.stringify(distOutbox.href)});
      const box = await Outbox.open(${JSON.stringify(dir)});
      for (let i = 0; ; i++) {
        const r = await box.enqueue('heartbeat', { i, pad: 'x'.repeat(200) }, 'low');
        process.stdout.write(r.id + '\\n');
        if (i === 30) process.kill(process.pid, 'SIGKILL');
      }`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    const signal = await new Promise<string | null>((resolve) => child.on('exit', (_code, s) => resolve(s)));
    expect(signal).toBe('SIGKILL');
    const acknowledged = out.trim().split('\n');
    expect(acknowledged.length).toBeGreaterThanOrEqual(31);
    const reopened = await Outbox.open(dir);
    const stored = (await reopened.peek(1000)).map((r) => r.id);
    for (const id of acknowledged) expect(stored).toContain(id);
    expect([...stored].sort()).toEqual(stored);
  }, 30_000);
});
