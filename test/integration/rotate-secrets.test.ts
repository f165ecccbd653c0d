// The operator's way back in, against a running hub: `deskside-hub rotate-secrets` in another
// process changes the admin password and the generated enrolment token in the database every hub
// reads, so the running hub takes the new ones at once and refuses the old ones.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { newId } from '@deskside/protocol';
import { SimulatedAgent } from '@deskside/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonFrom } from '../support/http-from.js';
import { startHub, TEST_ADMIN_PASSWORD, type TestHub } from '../support/hub.js';
import { hubBin } from '../support/paths.js';

const run = promisify(execFile);

describe('deskside-hub rotate-secrets beside a running hub', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    await hub?.cleanup();
  });

  const login = (password: string) => jsonFrom('127.0.8.1', `${hub.url}/api/v1/login`, 'POST', { username: 'admin', password });

  it('gives the admin a new password (ending the old sessions) and a new enrolment token, shown once', async () => {
    const oldSession = await hub.login();
    expect((await hub.get('/api/v1/me', oldSession)).status).toBe(200);

    const target = hub.databaseUrl ? ['--database', hub.databaseUrl] : ['--data-dir', hub.dataDir];
    const { stdout, stderr } = await run(process.execPath, [hubBin, 'rotate-secrets', ...target], { env: { ...process.env, DESKSIDE_LOG_LEVEL: 'info' } });
    const password = /Admin login: +admin \/ (\S+)/.exec(stdout)?.[1] ?? '';
    const token = /Enrolment token: +(\S+)/.exec(stdout)?.[1] ?? '';
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The log (stderr) says what happened, never the secrets.
    expect(stderr).toContain('secrets rotated');
    expect(stderr).not.toContain(password);
    expect(stderr).not.toContain(token);

    expect((await hub.get('/api/v1/me', oldSession)).status).toBe(401);
    expect((await login(TEST_ADMIN_PASSWORD)).status).toBe(401);
    expect((await login(password)).status).toBe(200);

    const agent = new SimulatedAgent({ hubUrl: hub.url, enrollToken: token, machineId: `rotated-${newId()}`, hostname: 'PC-ROTATED' });
    await agent.enroll();
    expect(agent.deviceId).toBeTruthy();
  });
});
