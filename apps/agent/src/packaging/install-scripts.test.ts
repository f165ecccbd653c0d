import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const build = fileURLToPath(new URL('../../build/', import.meta.url));
const afterInstall = join(build, 'linux/after-install.sh');

/** A stand-in `deskside-agent` that records its arguments. */
function stubAgent(dir: string): { bin: string; calls: () => string } {
  const bin = join(dir, 'deskside-agent');
  const log = join(dir, 'calls');
  writeFileSync(bin, `#!/bin/bash\nprintf '%s\\n' "$*" >> "${log}"\n`);
  chmodSync(bin, 0o755);
  return { bin, calls: () => readFileSync(log, 'utf8') };
}

describe('deb/rpm after-install', () => {
  it('makes a pre-seeded /etc/deskside/agent.json owner-only and installs the service with it', () => {
    const root = mkdtempSync(join(tmpdir(), 'after-install-'));
    mkdirSync(join(root, 'etc/deskside'), { recursive: true });
    writeFileSync(join(root, 'etc/deskside/agent.json'), '{"hubUrl":"https://hub.example.com","enrollToken":"tok"}', { mode: 0o644 });
    const agent = stubAgent(root);
    execFileSync('bash', [afterInstall], { env: { ...process.env, DESKSIDE_PREFIX: root, DESKSIDE_AGENT_BIN: agent.bin } });
    expect(statSync(join(root, 'etc/deskside/agent.json')).mode & 0o777).toBe(0o600);
    expect(agent.calls()).toBe(`service install --config ${root}/etc/deskside/agent.json\n`);
  });

  it('installs the service and says what is missing when there is no configuration yet', () => {
    const root = mkdtempSync(join(tmpdir(), 'after-install-'));
    const agent = stubAgent(root);
    const run = spawnSync('bash', [afterInstall], { env: { ...process.env, DESKSIDE_PREFIX: root, DESKSIDE_AGENT_BIN: agent.bin }, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/no .*agent.json yet/);
    expect(agent.calls()).toMatch(/^service install/);
  });

  it('every install script is valid bash', () => {
    for (const script of ['linux/after-install.sh', 'linux/after-remove.sh', 'pkg-scripts/postinstall']) {
      expect(spawnSync('bash', ['-n', join(build, script)]).status).toBe(0);
    }
  });
});

describe('NSIS include', () => {
  it('reads the silent-install switches and keeps the token off command lines', () => {
    const nsh = readFileSync(join(build, 'installer.nsh'), 'utf8');
    for (const flag of ['/HUB_URL=', '/ENROLL_TOKEN=', '/HUB_FINGERPRINT=']) expect(nsh).toContain(`\${GetOptions} $R0 "${flag}"`);
    expect(nsh).toContain('SetEnvironmentVariable(t "DESKSIDE_ENROLL_TOKEN"');
    expect(nsh).not.toMatch(/--enroll-token/);
    expect(nsh).not.toMatch(/WriteReg/);
  });
});
