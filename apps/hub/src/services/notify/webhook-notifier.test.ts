import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { newId } from '@deskside/protocol';
import type { Store } from '@deskside/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureLogger, fakeClock, tempStore } from '../../test-support/temp.js';
import { WebhookNotifier } from './webhook-notifier.js';

let temp: Awaited<ReturnType<typeof tempStore>>;
let store: Store;
let server: Server;
let url: URL;
let received: Array<{ text: string }>;
/** Status codes to answer, in order; 200 once they run out. */
let script: number[];

beforeEach(async () => {
  temp = await tempStore();
  store = temp.store;
  received = [];
  script = [];
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const status = script.shift() ?? 200;
      if (status === 200) received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as { text: string });
      res.statusCode = status;
      res.end(status === 200 ? 'ok' : 'nope');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/services/T000/B000/very-secret-token`);
});
afterEach(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await temp.cleanup();
});

function queue(at: Date, n: number, host = 'PC-1'): Promise<void[]> {
  return Promise.all(
    Array.from({ length: n }, (_, i) =>
      store.notifications.enqueue({
        id: newId(at.getTime()),
        alertId: newId(),
        createdAt: at,
        payload: { alertId: newId(), hostname: host, check: 'disk-free', subject: `V${i}:`, severity: 'critical', message: `<!channel> disk ${i} full`, raisedAt: at.toISOString() },
      }),
    ),
  );
}

function notifier(clock: () => Date, logger = captureLogger().logger): WebhookNotifier {
  return new WebhookNotifier({ store, clock, logger, url, options: { collectMs: 10_000, baseBackoffMs: 1_000, maxAttempts: 4 } });
}

describe('webhook notifier', () => {
  it('waits for a burst to gather, then sends more than three as ONE digest', async () => {
    const time = fakeClock();
    await queue(time.clock(), 5);
    const n = notifier(time.clock);
    expect(await n.runOnce()).toEqual(new Date(time.clock().getTime() + 10_000));
    expect(received).toHaveLength(0);
    time.advance(10_000);
    await n.runOnce();
    expect(received).toHaveLength(1);
    expect(received[0]!.text).toMatch(/^\[Deskside\] 5 alerts/);
    expect(received[0]!.text.split('\n')).toHaveLength(6);
    // Agent text is made inert: no Slack mention survives.
    expect(received[0]!.text).not.toContain('<!channel>');
    expect(await store.notifications.due(new Date(time.clock().getTime() + 1e9), 100)).toHaveLength(0);
  });

  it('sends up to three as single messages', async () => {
    const time = fakeClock();
    await queue(time.clock(), 2);
    time.advance(10_000);
    await notifier(time.clock).runOnce();
    expect(received.map((r) => r.text.startsWith('[Deskside] CRITICAL alert on PC-1'))).toEqual([true, true]);
  });

  it('retries after 500s with exponential backoff, then delivers once', async () => {
    const time = fakeClock();
    const capture = captureLogger();
    await queue(time.clock(), 1);
    script = [500, 503];
    const n = notifier(time.clock, capture.logger);
    time.advance(10_000);
    expect(await n.runOnce()).toEqual(new Date(time.clock().getTime() + 1_000));
    time.advance(1_000);
    expect(await n.runOnce()).toEqual(new Date(time.clock().getTime() + 2_000));
    time.advance(1_999);
    await n.runOnce();
    expect(received).toHaveLength(0);
    time.advance(1);
    expect(await n.runOnce()).toBeUndefined();
    expect(received).toHaveLength(1);
    expect(await store.notifications.nextDue()).toBeUndefined();
    // The secret part of the URL is never logged.
    expect(capture.text()).not.toContain('very-secret-token');
    expect(capture.text()).toContain('HTTP 500');
  });

  it('gives up after maxAttempts and stops retrying', async () => {
    const time = fakeClock();
    await queue(time.clock(), 1);
    script = [500, 500, 500, 500, 500];
    const n = notifier(time.clock);
    time.advance(10_000);
    for (let i = 0; i < 6; i++) {
      await n.runOnce();
      time.advance(60_000);
    }
    expect(script).toEqual([500]);
    expect(await store.notifications.nextDue()).toBeUndefined();
  });

  it('a hub restart neither loses a queued notification nor sends a delivered one again', async () => {
    const time = fakeClock();
    await queue(time.clock(), 1, 'BEFORE-RESTART');
    time.advance(10_000);
    // First "hub": the webhook is down, the notification stays queued.
    script = [500];
    await notifier(time.clock).runOnce();
    expect(received).toHaveLength(0);
    // Second "hub" (a new notifier over the same database) delivers it.
    time.advance(60_000);
    await notifier(time.clock).runOnce();
    expect(received).toHaveLength(1);
    // Third "hub": nothing left to send.
    time.advance(3_600_000);
    await notifier(time.clock).runOnce();
    expect(received).toHaveLength(1);
  });
});
