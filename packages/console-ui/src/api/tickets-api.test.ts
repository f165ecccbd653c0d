import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error.js';
import { createHttpClient } from './http-client.js';
import { makeTicket } from '../state/test-tickets.js';

// The network is the only stand-in: real Response objects, the client's own parsing and checks.
function setup(answer: (url: string, init: RequestInit | undefined) => Response) {
  const calls: Array<{ url: string; init: RequestInit | undefined }> = [];
  let unauthorized = 0;
  const client = createHttpClient({
    getToken: () => 'tok-1234567890abcdef',
    onUnauthorized: () => void (unauthorized += 1),
    fetch: ((input: RequestInfo | URL, init?: RequestInit) => {
      calls.push({ url: String(input), init });
      return Promise.resolve(answer(String(input), init));
    }) as typeof fetch,
  });
  return { client, calls, unauthorized: () => unauthorized };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('ticket endpoints', () => {
  it('lists with only the filters that are set and validates every ticket', async () => {
    const ticket = makeTicket();
    const { client, calls } = setup(() => json(200, { tickets: [ticket] }));
    expect(await client.listTickets({ status: 'closed', assignee: 'me', tier: 2 })).toEqual([ticket]);
    expect(calls[0]?.url).toBe('/api/v1/tickets?status=closed&assignee=me&tier=2');
    const bad = setup(() => json(200, { tickets: [{ ...ticket, priority: 'P0' }] }));
    await expect(bad.client.listTickets()).rejects.toMatchObject({ code: 'bad_response' });
  });

  it('posts actions to the ticket, path-encoded, with the protocol’s bodies', async () => {
    const ticket = makeTicket();
    const { client, calls } = setup(() => json(200, ticket));
    await client.escalateTicket('a/b', 2, 'hand-off');
    await client.resolveTicket(ticket.id, 'fixed');
    await client.setTicketStatus(ticket.id, 'pending');
    expect(calls.map((c) => [c.url, c.init?.method, c.init?.body])).toEqual([
      ['/api/v1/tickets/a%2Fb/escalate', 'POST', JSON.stringify({ tier: 2, note: 'hand-off' })],
      [`/api/v1/tickets/${ticket.id}/resolve`, 'POST', JSON.stringify({ note: 'fixed' })],
      [`/api/v1/tickets/${ticket.id}/status`, 'POST', JSON.stringify({ status: 'pending' })],
    ]);
  });

  it('passes the hub’s refusal on as an ApiError', async () => {
    const { client } = setup(() => json(409, { error: { code: 'conflict', message: 'Ticket #1042 is closed.' } }));
    const error = await client.replyTicket(makeTicket().id, 'hi').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'conflict', message: 'Ticket #1042 is closed.' });
  });
});

describe('getTicketAttachment', () => {
  it('sends the bearer header and answers a blob typed by the checked header', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    const { client, calls } = setup(() => new Response(png, { status: 200, headers: { 'Content-Type': 'image/png' } }));
    const blob = await client.getTicketAttachment('t1', 'a1');
    expect(blob.type).toBe('image/png');
    expect(blob.size).toBe(4);
    expect(calls[0]?.url).toBe('/api/v1/tickets/t1/attachments/a1');
    expect(new Headers(calls[0]?.init?.headers).get('Authorization')).toBe('Bearer tok-1234567890abcdef');
  });

  it('refuses anything that is not an image the console shows', async () => {
    for (const type of ['image/svg+xml', 'text/html', '']) {
      const { client } = setup(() => new Response('<svg onload=alert(1)>', { status: 200, headers: type ? { 'Content-Type': type } : {} }));
      await expect(client.getTicketAttachment('t1', 'a1')).rejects.toMatchObject({ code: 'bad_response' });
    }
  });

  it('ends the session on a 401', async () => {
    const s = setup(() => json(401, { error: { code: 'unauthorized', message: 'Sign in first.' } }));
    await expect(s.client.getTicketAttachment('t1', 'a1')).rejects.toMatchObject({ code: 'unauthorized' });
    expect(s.unauthorized()).toBe(1);
  });
});
