import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { serve } from '../test-support/http.js';
import { readJsonBody } from './json-body.js';

describe('readJsonBody budgets', () => {
  it('does not wait for a body that stops arriving: refused and the connection closed at the deadline', async () => {
    const outcomes: unknown[] = [];
    const server = await serve((req, res) => {
      readJsonBody(req, { maxBytes: 10_000, maxDepth: 8, maxMillis: 300 }).then(
        () => res.end('read'),
        (err: unknown) => {
          outcomes.push(err);
          res.destroy();
        },
      );
    });
    try {
      const started = Date.now();
      const socket = connect(server.port, '127.0.0.1');
      socket.write('POST /x HTTP/1.1\r\nHost: hub\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"a":');
      await new Promise<void>((resolve) => socket.once('close', () => resolve()));
      expect(Date.now() - started).toBeLessThan(3000);
      expect(outcomes).toEqual([expect.objectContaining({ code: 'bad_request', message: 'The request body did not arrive in time.' })]);
    } finally {
      await server.close();
    }
  });
});
