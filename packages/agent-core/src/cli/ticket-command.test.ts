import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AgentTicketCreateSchema } from '@deskside/protocol';
import { Outbox } from '../outbox/outbox.js';
import { MyTicketsStore } from '../tickets/my-tickets-store.js';
import { parseCli, UsageError } from './args.js';
import type { CliIo } from './cli-io.js';
import { main } from './main.js';

function io(): CliIo & { out: string; err: string } {
  const captured = { out: '', err: '' };
  return Object.assign(captured, {
    stdout: (t: string) => void (captured.out += t),
    stderr: (t: string) => void (captured.err += t),
    onSignal: () => () => {},
  });
}

describe('deskside-agent ticket', () => {
  it('parses the public interface with defaults', () => {
    expect(parseCli(['ticket', '--subject', 'S', '--description', 'D'])).toEqual({
      command: 'ticket',
      subject: 'S',
      description: 'D',
      urgency: 'medium',
      impact: 'low',
      category: 'other',
      stateDir: undefined,
    });
    expect(parseCli(['ticket', '--subject=S', '--description=D', '--urgency', 'high', '--impact', 'medium', '--category', 'printer', '--state-dir', '/s'])).toMatchObject({
      urgency: 'high',
      impact: 'medium',
      category: 'printer',
      stateDir: '/s',
    });
  });

  it.each([
    [['ticket', '--description', 'D']],
    [['ticket', '--subject', 'S']],
    [['ticket', '--subject', ' ', '--description', 'D']],
    [['ticket', '--subject', 'S', '--description', 'D', '--urgency', 'urgent']],
    [['ticket', '--subject', 'S', '--description', 'D', '--impact', 'everyone']],
    [['ticket', '--subject', 'S', '--description', 'D', '--category', 'coffee']],
    [['ticket', '--subject', 'S', '--description', 'D', 'extra']],
  ])('rejects %j', (argv) => {
    expect(() => parseCli(argv)).toThrow(UsageError);
  });

  it('queues a valid ticket in the outbox and My tickets, prints its id and "queued"', async () => {
    const stateDir = await mkdtemp(join(tmpdir(), 'cli-ticket-'));
    const out = io();
    const code = await main(['ticket', '--subject', 'VPN down', '--description', 'Cannot reach the file server.', '--urgency', 'high', '--state-dir', stateDir], out);
    expect(code).toBe(0);
    const match = /^([0-9A-HJKMNP-TV-Z]{26}) queued\n$/.exec(out.out);
    expect(match).not.toBeNull();
    const id = match?.[1] ?? '';
    const outbox = await Outbox.open(join(stateDir, 'outbox'));
    const [record] = await outbox.peek(5);
    expect(record).toMatchObject({ kind: 'ticket:create', priority: 'high' });
    const payload = AgentTicketCreateSchema.parse(record?.payload);
    expect(payload).toMatchObject({ id, subject: 'VPN down', urgency: 'high', impact: 'low', category: 'other', screenshot: null });
    expect(payload.requester.name.length).toBeGreaterThan(0);
    expect(await new MyTicketsStore(stateDir).get(id)).toMatchObject({ delivery: 'queued', subject: 'VPN down', priority: 'P3' });
    expect((await readdir(join(stateDir, 'outbox'))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(await readFile(join(stateDir, 'tickets', `${id}.json`), 'utf8')).toContain('VPN down');
  });

  it('exits 2 on a subject over the limit, and queues nothing', async () => {
    const stateDir = await mkdtemp(join(tmpdir(), 'cli-ticket-'));
    const out = io();
    expect(await main(['ticket', '--subject', 'x'.repeat(201), '--description', 'D', '--state-dir', stateDir], out)).toBe(2);
    expect(out.err).toMatch(/subject/);
    expect(await new MyTicketsStore(stateDir).list()).toEqual([]);
  });
});
