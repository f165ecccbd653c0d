import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHub, type Hub } from '../../app.js';
import { resolveConfig } from '../../config.js';
import { silentLogger } from '../../log/logger.js';
import { pngHeader } from '../../services/tickets/image-fixtures.js';
import { tempDir } from '../../test-support/temp.js';

// Per-user upload storage on an in-process hub: what one signed-in user may store per day is
// counted before the disk is touched, refused with Retry-After past it, and is theirs alone.
const PASSWORD = 'upload-quota-password-01';
const IMAGE = pngHeader(64, 64);

describe('per-user upload quota', () => {
  const dir = tempDir();
  let hub: Hub;
  let admin: string;

  const call = async (p: string, token: string, init: { method?: string; body?: unknown; raw?: Buffer } = {}) => {
    const res = await fetch(`${hub.url}${p}`, {
      method: init.method ?? (init.body !== undefined || init.raw ? 'POST' : 'GET'),
      headers: { authorization: `Bearer ${token}`, 'content-type': init.raw ? 'image/png' : 'application/json' },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : init.raw ? { body: init.raw } : {}),
    });
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as Record<string, unknown> };
  };
  const login = async (username: string, password: string) => {
    const res = await fetch(`${hub.url}/api/v1/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    return ((await res.json()) as { token: string }).token;
  };

  beforeAll(async () => {
    // Room for two images a day per user.
    const config = resolveConfig({ port: 0, dataDir: dir.dir, uploadLimits: { devicePerDay: 30_000_000, userPerDay: IMAGE.length * 2 + 10 } }, { DESKSIDE_ADMIN_PASSWORD: PASSWORD });
    hub = await createHub(config, { logger: silentLogger(), consoleDir: `${dir.dir}/none` });
    admin = await login('admin', PASSWORD);
  });
  afterAll(async () => {
    await hub.close();
    dir.remove();
  });

  it('stores a user’s images up to the day’s limit, refuses the next with Retry-After, and leaves other users theirs', async () => {
    const article = await call('/api/v1/kb/articles', admin, { body: { title: 'Map a network drive', body: 'Steps.', audience: 'technicians', status: 'draft' } });
    expect(article.status).toBe(201);
    const upload = (token: string, raw = IMAGE) => call(`/api/v1/kb/articles/${String(article.body['id'])}/attachments`, token, { raw });

    // A refused file (not an image) spends nothing.
    expect((await upload(admin, Buffer.from('<svg onload=alert(1)>'))).status).toBe(400);
    expect((await upload(admin)).status).toBe(201);
    expect((await upload(admin)).status).toBe(201);
    const third = await upload(admin);
    expect(third.status).toBe(429);
    expect(Number(third.retryAfter)).toBeGreaterThan(0);
    expect(JSON.stringify(third.body)).toMatch(/uploaded your .* MB for today/);

    expect((await call('/api/v1/users', admin, { body: { username: 'writer', displayName: 'Writer', password: PASSWORD, role: 'admin' } })).status).toBe(201);
    expect((await upload(await login('writer', PASSWORD))).status).toBe(201);
  });
});
