import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../log/logger.js';
import { createMetricsRegistry } from '../metrics/registry.js';
import { rawRequest, serve } from '../test-support/http.js';
import { tempDir } from '../test-support/temp.js';
import { createHttpHandler } from './http-handler.js';
import { CONSOLE_NOT_BUILT } from './static-files.js';

const INDEX = '<!doctype html><title>Deskside</title><div id="root"></div>';

function site(consoleDir: string) {
  return serve(
    createHttpHandler({
      routes: [],
      authenticate: async () => undefined,
      logger: silentLogger(),
      metrics: createMetricsRegistry(),
      allowedOrigins: [],
      consoleDir,
    }),
  );
}

describe('static console', () => {
  const root = tempDir();
  const dist = join(root.dir, 'dist');
  let srv: Awaited<ReturnType<typeof serve>>;

  beforeAll(async () => {
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), INDEX);
    writeFileSync(join(dist, 'assets', 'index-B4x9Qz1a.js'), 'console.log(1)');
    writeFileSync(join(dist, 'favicon.svg'), '<svg/>');
    writeFileSync(join(dist, '.env'), 'SECRET=1');
    writeFileSync(join(root.dir, 'outside.txt'), 'outside the root');
    symlinkSync(join(root.dir, 'outside.txt'), join(dist, 'link.txt'));
    srv = await site(dist);
  });
  afterAll(async () => {
    await srv.close();
    root.remove();
  });

  it('serves index.html for / and for any page path (SPA fallback)', async () => {
    for (const path of ['/', '/devices', '/devices/01HZZZZZZZZZZZZZZZZZZZZZZZ?tab=health']) {
      const res = await rawRequest(srv.port, path);
      expect(res.status).toBe(200);
      expect(res.body).toBe(INDEX);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves hashed assets as immutable with the right content type', async () => {
    const js = await rawRequest(srv.port, '/assets/index-B4x9Qz1a.js');
    expect(js.status).toBe(200);
    expect(js.body).toBe('console.log(1)');
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const svg = await rawRequest(srv.port, '/favicon.svg');
    expect(svg.headers['content-type']).toBe('image/svg+xml');
    expect(svg.headers['cache-control']).toBe('no-cache');
    const head = await rawRequest(srv.port, '/favicon.svg', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers['content-length']).toBe('6');
  });

  it('answers 404 for a missing asset instead of the page', async () => {
    const res = await rawRequest(srv.port, '/assets/missing-AAAAAAAA.js');
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body).error.code).toBe('not_found');
  });

  it.each([
    '/../../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/..%2f..%2f..%2fetc%2fpasswd',
    '/..%5c..%5cetc%5cpasswd',
    '/assets/..%2f..%2foutside.txt',
    '/%00index.html',
    '/.env',
    '/%E0%A4%A',
  ])('refuses %s', async (path) => {
    const res = await rawRequest(srv.port, path);
    expect(res.status).toBe(400);
    expect(res.body).not.toContain('root:');
    expect(res.body).not.toContain('SECRET');
    expect(res.body).not.toContain('outside the root');
  });

  it('does not follow a symlink out of the console folder', async () => {
    const res = await rawRequest(srv.port, '/link.txt');
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('outside the root');
  });

  it('explains how to build the console when it is not built', async () => {
    const empty = tempDir();
    const bare = await site(join(empty.dir, 'dist'));
    const res = await rawRequest(bare.port, '/');
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.body).toBe(CONSOLE_NOT_BUILT);
    expect(res.body).toContain('npm run build');
    await bare.close();
    empty.remove();
  });
});
