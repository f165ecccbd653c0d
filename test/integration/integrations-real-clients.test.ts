import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { CreatedApiTokenSchema, PROTOCOL_VERSION, newId } from '@deskside/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, TEST_ENROLL_TOKEN, type TestHub } from '../support/hub.js';
import { repoRoot } from '../support/paths.js';
import { startPrometheus, type RunningPrometheus } from '../support/prometheus.js';

// Real clients of the integration surface against the built hub: Debian's Prometheus server
// scraping /metrics with a metrics-only API token, and the documented example script.
const run = promisify(execFile);

describe('integrations with real clients', () => {
  let hub: TestHub;
  let admin = '';
  let prometheus: RunningPrometheus | undefined;

  const mint = async (label: string, scopes: string[]): Promise<string> => {
    const res = await fetch(`${hub.url}/api/v1/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({ label, scopes }),
    });
    expect(res.status).toBe(201);
    return CreatedApiTokenSchema.parse(await res.json()).token;
  };

  beforeAll(async () => {
    hub = await startHub();
    admin = await hub.login();
  });
  afterAll(async () => {
    await prometheus?.stop();
    await hub.cleanup();
  });

  it('Prometheus scrapes the hub with a metrics-only token: up == 1 and a histogram quantile answers', async () => {
    prometheus = await startPrometheus(new URL(hub.url).host, await mint('Prometheus', ['metrics']));
    const until = async <T>(what: string, probe: () => Promise<T | undefined>): Promise<T> => {
      const started = Date.now();
      for (;;) {
        const value = await probe();
        if (value !== undefined) return value;
        if (Date.now() - started > 60_000) throw new Error(`timed out waiting for ${what}\n${prometheus?.output().slice(-2000) ?? ''}`);
        await new Promise((r) => setTimeout(r, 500));
      }
    };
    const up = await until('up', async () => (await prometheus?.query('up{job="deskside"}'))?.[0]);
    expect(up.value[1]).toBe('1');
    // Prometheus's own scrapes are requests too, so the request-duration histogram keeps moving.
    const p99 = await until('a quantile', async () => {
      const [sample] = (await prometheus?.query('histogram_quantile(0.99, sum by (le) (rate(deskside_http_request_duration_seconds_bucket{route="/metrics"}[30s])))')) ?? [];
      return sample && Number.isFinite(Number(sample.value[1])) ? Number(sample.value[1]) : undefined;
    });
    expect(p99).toBeGreaterThan(0);
    expect(p99).toBeLessThanOrEqual(10);
  });

  it('the example script lists devices with a devices:read token and fails clearly with a too-narrow one', async () => {
    const enrolled = await fetch(`${hub.url}/api/v1/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ protocolVersion: PROTOCOL_VERSION, enrollToken: TEST_ENROLL_TOKEN, deviceId: newId(), machineId: 'script-machine-01', hostname: 'PC-SCRIPT', agentVersion: '0.1.0' }),
    });
    expect(enrolled.status).toBe(201);
    const script = path.join(repoRoot, 'docs/examples/devices-to-csv.mjs');
    const env = (token: string) => ({ ...process.env, DESKSIDE_URL: hub.url, DESKSIDE_TOKEN: token });
    const ok = await run(process.execPath, [script], { env: env(await mint('Snipe-IT sync', ['devices:read'])) });
    const [header, row] = ok.stdout.split('\n');
    expect(header).toBe('hostname,status,os,lastSeen');
    expect(row).toMatch(/^"PC-SCRIPT","[a-z-]+",/);
    const narrow = await run(process.execPath, [script], { env: env(await mint('Metrics only', ['metrics'])) }).then(
      () => undefined,
      (error: unknown) => error as { code: number; stderr: string },
    );
    expect(narrow?.code).toBe(1);
    expect(narrow?.stderr).toMatch(/HTTP 403 forbidden: This API token lacks the scope: devices:read/);
  });
});
