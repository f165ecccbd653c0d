import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { EmployeeTicket } from '@deskside/protocol';
import type { OutboxRecord } from '../outbox/outbox-record.js';
import { MyTicketsStore } from './my-tickets-store.js';
import { TicketQueue } from './ticket-queue.js';
import { TicketSync, type TicketChangeEvent } from './ticket-sync.js';

const T0 = Date.UTC(2026, 0, 1, 9);
let store: MyTicketsStore;
let queued: OutboxRecord[];
let queue: TicketQueue;
let sync: TicketSync;
let seq = 0;

beforeEach(async () => {
  store = new MyTicketsStore(await mkdtemp(join(tmpdir(), 'ticket-sync-')));
  queued = [];
  seq = 0;
  queue = new TicketQueue({
    outbox: {
      enqueue: async (kind, payload, priority) => {
        const record = { v: 1 as const, id: `01J0000000000000000000Q${String(queued.length).padStart(3, '0')}`, kind, priority, enqueuedAt: '', payload };
        queued.push(record);
        return record;
      },
    },
    store,
    now: () => T0,
    newId: () => `01J00000000000000000000${String(++seq).padStart(3, '0')}`,
    requester: () => ({ name: 'alice', username: 'alice', email: null }),
  });
  sync = new TicketSync(store);
});

const hubView = (id: string, patch: Partial<EmployeeTicket> = {}): EmployeeTicket => ({
  id,
  number: 5,
  subject: 'VPN',
  category: 'network',
  status: 'open',
  priority: 'P3',
  createdAt: new Date(T0).toISOString(),
  updatedAt: new Date(T0).toISOString(),
  messages: [{ id: '01J0000000000000000000H001', at: new Date(T0).toISOString(), from: 'employee', author: 'alice', body: 'It drops.' }],
  ...patch,
});

describe('TicketSync', () => {
  it('shows a reply once, even when the hub echoes it (with its own id) before the ack', async () => {
    const ticket = await queue.create({ subject: 'VPN', description: 'It drops.', category: 'network', impact: 'low', urgency: 'medium', diagnostics: null, screenshot: null });
    await queue.reply(ticket.id, 'Still dropping');
    const replyId = (queued[1]?.payload as { id: string }).id;
    const echoed = hubView(ticket.id, {
      messages: [
        ...hubView(ticket.id).messages,
        { id: '01J0000000000000000000H002', at: new Date(T0 + 1000).toISOString(), from: 'employee', author: 'alice', body: 'Still dropping' },
      ],
    });
    await sync.applyHub(echoed);
    await sync.replyDelivered(ticket.id, replyId);
    const local = await store.get(ticket.id);
    expect(local?.pendingReplies).toEqual([]);
  });

  it('announces a technician answer as a reply and a status change as status; ignores junk', async () => {
    const ticket = await queue.create({ subject: 'VPN', description: 'It drops.', category: 'network', impact: 'low', urgency: 'medium', diagnostics: null, screenshot: null });
    const events: TicketChangeEvent[] = [];
    sync.onChange((e) => events.push(e));
    await sync.applyHub(hubView(ticket.id, { status: 'new' }));
    await sync.applyHub(hubView(ticket.id, { status: 'pending' }));
    await sync.applyHub(
      hubView(ticket.id, {
        status: 'pending',
        messages: [...hubView(ticket.id).messages, { id: '01J0000000000000000000H003', at: new Date(T0).toISOString(), from: 'technician', author: 'Bob', body: 'Reboot?' }],
      }),
    );
    expect(await sync.applyHub({ ...hubView(ticket.id), number: -1 })).toBeNull();
    expect(await sync.applyHub('<script>')).toBeNull();
    expect(events.map((e) => e.change)).toEqual(['delivered', 'status', 'reply']);
    expect((await store.get(ticket.id))?.hub?.status).toBe('pending');
  });

  it('marks a ticket the hub refused as failed, with the reason', async () => {
    const ticket = await queue.create({ subject: 'VPN', description: 'It drops.', category: 'network', impact: 'low', urgency: 'medium', diagnostics: null, screenshot: null });
    await sync.failed(ticket.id, 'hub refused it: forbidden');
    expect(await store.get(ticket.id)).toMatchObject({ delivery: 'failed', failure: 'hub refused it: forbidden' });
  });
});
