import { MailChannelStatusSchema } from '@deskside/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHub, type Hub } from '../../app.js';
import { resolveConfig } from '../../config.js';
import { silentLogger } from '../../log/logger.js';
import { tempDir } from '../../test-support/temp.js';

// The e-mail channel's health page on an in-process hub: a mailbox that cannot be reached shows
// as failing with its reason, never with its password; only admins and auditors may look.
const PASSWORD = 'channel-flows-password-01';

describe('e-mail channel health', () => {
  const dir = tempDir();
  let hub: Hub;
  let admin: string;
  const get = async (token: string) => {
    const res = await fetch(`${hub.url}/api/v1/channels/mail`, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, body: (await res.json()) as unknown };
  };
  const login = async (username: string) => {
    const res = await fetch(`${hub.url}/api/v1/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
    return ((await res.json()) as { token: string }).token;
  };

  beforeAll(async () => {
    // Port 1 on loopback: nothing listens, the poller fails at once and keeps retrying.
    const config = resolveConfig({ port: 0, dataDir: dir.dir, mailboxes: ['imap://help%40example.com:mailbox-secret-77@127.0.0.1:1/INBOX'] }, { DESKSIDE_ADMIN_PASSWORD: PASSWORD });
    hub = await createHub(config, { logger: silentLogger(), consoleDir: `${dir.dir}/none` });
    admin = await login('admin');
  });
  afterAll(async () => {
    await hub.close();
    dir.remove();
  });

  it('shows an unreachable mailbox as failing with its reason, without its password', async () => {
    await expect
      .poll(async () => MailChannelStatusSchema.parse((await get(admin)).body).mailboxes[0]?.state, { timeout: 20_000 })
      .toBe('failing');
    const status = MailChannelStatusSchema.parse((await get(admin)).body);
    expect(status).toMatchObject({ readingHere: true, smtp: false, outgoing: [] });
    expect(status.mailboxes[0]).toMatchObject({ mailbox: 'help@example.com@127.0.0.1/INBOX', taken: 0 });
    expect(status.mailboxes[0]?.lastError).toBeTruthy();
    expect(JSON.stringify(status)).not.toContain('mailbox-secret-77');
  });

  it('is for admins and auditors only', async () => {
    for (const role of ['technician', 'auditor'] as const) {
      const res = await fetch(`${hub.url}/api/v1/users`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
        body: JSON.stringify({ username: `${role}-1`, displayName: role, password: PASSWORD, role, ...(role === 'technician' ? { tier: 1 } : {}) }),
      });
      expect(res.status).toBe(201);
    }
    expect((await get(await login('technician-1'))).status).toBe(403);
    expect((await get(await login('auditor-1'))).status).toBe(200);
  });
});
