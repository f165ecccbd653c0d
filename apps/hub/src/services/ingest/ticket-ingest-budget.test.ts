import { newId } from '@deskside/protocol';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pngHeader } from '../tickets/image-fixtures.js';
import { agentTicket, ticketKit, type TicketKit } from '../tickets/ticket-test-kit.js';
import { ATTACHMENT_BYTES_PER_DAY, ticketIngest } from './ticket-ingest.js';

let kit: TicketKit;
beforeEach(async () => {
  kit = await ticketKit();
});
afterEach(() => kit.cleanup());

const files = (dir: string): string[] => {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
  } catch {
    return [];
  }
};

describe('per-device screenshot storage budget', () => {
  it('stores screenshots up to the daily budget, then refuses more (rate_limited) without touching the disk', async () => {
    const png = Buffer.concat([pngHeader(1920, 1080), Buffer.alloc(990_000, 3)]).toString('base64');
    const send = () =>
      ticketIngest.create(
        { store: kit.store, tickets: kit.service, kb: undefined },
        { deviceId: kit.deviceId, receivedAt: kit.clock.clock(), payload: agentTicket({ id: newId(), screenshot: { mediaType: 'image/png', dataBase64: png } }) },
      );
    const perDay = Math.floor(ATTACHMENT_BYTES_PER_DAY / 990_033);
    for (let i = 0; i < perDay; i++) expect((await send()).ok).toBe(true);
    const refused = await send();
    expect(refused).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    expect(files(path.join(kit.dataDir, 'attachments'))).toHaveLength(perDay);
    // Another device has its own budget; the next day this one has a fresh one.
    kit.clock.advance(24 * 3_600_000);
    expect((await send()).ok).toBe(true);
  });
});
