import { describe, expect, it } from 'vitest';
import { parseCli, UsageError } from './args.js';
import { main } from './main.js';
import type { CliIo } from './cli-io.js';

function io(): CliIo & { out: string; err: string } {
  const captured = { out: '', err: '' };
  return Object.assign(captured, {
    stdout: (t: string) => void (captured.out += t),
    stderr: (t: string) => void (captured.err += t),
    onSignal: () => () => {},
  });
}

describe('parseCli', () => {
  it('parses run with all flags', () => {
    expect(parseCli(['run', '--hub', 'http://h:4800', '--enroll-token', 'tok', '--state-dir', '/s'])).toEqual({
      command: 'run',
      hubUrl: 'http://h:4800',
      enrollToken: 'tok',
      stateDir: '/s',
      configFile: undefined,
      ipcPath: undefined,
    });
    expect(parseCli(['run', '--hub=http://h:4800'])).toMatchObject({ command: 'run', enrollToken: undefined });
    expect(parseCli(['run', '--config', '/etc/deskside/agent.json'])).toMatchObject({ command: 'run', configFile: '/etc/deskside/agent.json', hubUrl: undefined });
  });

  it('parses service install|uninstall|status and refuses anything else', () => {
    expect(parseCli(['service', 'install', '--config', '/c.json', '--state-dir', '/s'])).toEqual({ command: 'service', action: 'install', configFile: '/c.json', stateDir: '/s' });
    expect(parseCli(['service', 'status'])).toEqual({ command: 'service', action: 'status', configFile: undefined, stateDir: undefined });
    expect(() => parseCli(['service', 'restart'])).toThrow(/install, uninstall, status/);
    expect(() => parseCli(['service'])).toThrow(UsageError);
    expect(() => parseCli(['service', 'install', '--hub', 'x'])).toThrow(UsageError);
  });

  it('parses configure, taking the token from the environment when the flag is absent', () => {
    expect(parseCli(['configure', '--config', '/c.json', '--hub', 'https://h'], { DESKSIDE_ENROLL_TOKEN: 'env-tok' })).toEqual({
      command: 'configure',
      configFile: '/c.json',
      hubUrl: 'https://h',
      enrollToken: 'env-tok',
      hubFingerprint: undefined,
    });
    expect(() => parseCli(['configure', '--hub', 'https://h'])).toThrow(/--config FILE and --hub URL/);
  });

  it('takes the hub fingerprint from --hub-fingerprint or DESKSIDE_HUB_FINGERPRINT, in canonical form', () => {
    const fp = 'ab'.repeat(32);
    const canonical = Array.from({ length: 32 }, () => 'AB').join(':');
    expect(parseCli(['run', '--hub', 'https://h', '--hub-fingerprint', fp])).toMatchObject({ hubFingerprint: canonical });
    expect(parseCli(['run', '--hub', 'https://h'], { DESKSIDE_HUB_FINGERPRINT: canonical.toLowerCase() })).toMatchObject({ hubFingerprint: canonical });
    expect(parseCli(['run'], {})).toMatchObject({ hubFingerprint: undefined });
    expect(() => parseCli(['run', '--hub-fingerprint', 'abc'])).toThrow(UsageError);
  });

  it('takes the enrolment token from DESKSIDE_ENROLL_TOKEN when the flag is absent, the flag winning', () => {
    expect(parseCli(['run', '--hub', 'http://h'], { DESKSIDE_ENROLL_TOKEN: 'from-env' })).toMatchObject({ enrollToken: 'from-env' });
    expect(parseCli(['run', '--enroll-token', 'flag'], { DESKSIDE_ENROLL_TOKEN: 'from-env' })).toMatchObject({ enrollToken: 'flag' });
    expect(parseCli(['run'], { DESKSIDE_ENROLL_TOKEN: '' })).toMatchObject({ enrollToken: undefined });
  });

  it('parses inventory and help', () => {
    expect(parseCli(['inventory'])).toEqual({ command: 'inventory', pretty: false });
    expect(parseCli(['inventory', '--pretty'])).toEqual({ command: 'inventory', pretty: true });
    expect(parseCli([])).toEqual({ command: 'help' });
    expect(parseCli(['--help'])).toEqual({ command: 'help' });
    expect(parseCli(['run', '--help'])).toEqual({ command: 'help' });
  });

  it.each([
    [['run', '--hubb', 'x']],
    [['run', '--hub']],
    [['run', '--hub', '']],
    [['run', 'extra']],
    [['inventory', '--pretty=yes']],
    [['inventory', '--json']],
    [['frobnicate']],
  ])('rejects %j', (argv) => {
    expect(() => parseCli(argv)).toThrow(UsageError);
  });
});

describe('main', () => {
  it('exits 2 with a clear message on an unknown flag', async () => {
    const out = io();
    expect(await main(['run', '--bogus'], out)).toBe(2);
    expect(out.err).toMatch(/Unknown option '--bogus'/);
    expect(out.err).toMatch(/Usage:/);
  });

  it('prints help on stdout and exits 0', async () => {
    const out = io();
    expect(await main(['--help'], out)).toBe(0);
    expect(out.out).toMatch(/deskside-agent run --hub URL --enroll-token TOKEN/);
  });

  it('prints the inventory as JSON and exits 0', async () => {
    const out = io();
    expect(await main(['inventory'], out)).toBe(0);
    const doc = JSON.parse(out.out) as { schemaVersion: number };
    expect(doc.schemaVersion).toBe(1);
    expect(out.out.trim().split('\n')).toHaveLength(1);
  }, 60_000);
});
