import { describe, expect, it } from 'vitest';
import { parseCliArgs, USAGE } from './cli-args.js';
import { ConfigError, DEFAULT_CONFIG, resolveConfig } from './config.js';

describe('parseCliArgs', () => {
  it('takes no flags as "run with the defaults"', () => {
    expect(parseCliArgs([])).toEqual({ kind: 'run', overrides: {} });
    expect(resolveConfig({}, {})).toEqual({ ...DEFAULT_CONFIG, allowedOrigins: [] });
  });

  it('reads every flag, spaced or with =', () => {
    const command = parseCliArgs([
      '--host', '0.0.0.0', '--port=0', '--data-dir', '/var/lib/deskside', '--database', 'sqlite:///tmp/x.db',
      '--heartbeat-seconds', '15', '--offline-grace-seconds=20',
    ]);
    expect(command).toEqual({
      kind: 'run',
      overrides: { host: '0.0.0.0', port: 0, dataDir: '/var/lib/deskside', databaseUrl: 'sqlite:///tmp/x.db', heartbeatSeconds: 15, offlineGraceSeconds: 20 },
    });
  });

  it('sets the pushed inventory cadence from minutes and hours, keeping the other defaults', () => {
    const command = parseCliArgs(['--inventory-volatile-minutes', '10', '--inventory-full-hours=12']);
    expect(command).toEqual({ kind: 'run', overrides: { inventoryIntervals: { volatileSeconds: 600, softwareSeconds: 3600, hardwareSeconds: 3600, fullSeconds: 43_200 } } });
    const software = parseCliArgs(['--inventory-software-minutes', '30']);
    expect(software.kind === 'run' && software.overrides.inventoryIntervals).toEqual({ volatileSeconds: 300, softwareSeconds: 1800, hardwareSeconds: 1800, fullSeconds: 86_400 });
    expect(DEFAULT_CONFIG.inventoryIntervals).toEqual({ volatileSeconds: 300, softwareSeconds: 3600, hardwareSeconds: 3600, fullSeconds: 86_400 });
    expect(USAGE).toContain('--inventory-volatile-minutes N');
  });

  it('answers help for --help and -h, wherever they are', () => {
    expect(parseCliArgs(['--port', '1', '--help'])).toEqual({ kind: 'help' });
    expect(parseCliArgs(['-h'])).toEqual({ kind: 'help' });
  });

  it.each([
    [['--bogus'], /Unknown option: --bogus/],
    [['--port'], /--port needs a value/],
    [['--port', '--host', 'x'], /--port needs a value/],
    [['--port', 'abc'], /whole number/],
    [['--port', '-1'], /whole number/],
    [['--port', '70000'], /between 0 and 65535/],
    [['--port', '4800.5'], /whole number/],
    [['--heartbeat-seconds', '0'], /between 1 and 3600/],
    [['--offline-grace-seconds', '100000'], /between 0 and 86400/],
    [['--database', 'mysql://x'], /sqlite: or postgres/],
    [['--inventory-volatile-minutes', '0'], /between 1 and 1440/],
    [['--inventory-software-minutes', '4'], /between 5 and 10080/],
    [['--inventory-full-hours', '721'], /between 1 and 720/],
    [['--inventory-full-hours', '1.5'], /whole number/],
    [['--host', ''], /needs a value/],
    [['serve'], /Unknown option: serve/],
  ])('refuses %j with a clear message', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(ConfigError);
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});

describe('resolveConfig', () => {
  it('takes the secrets from the environment only', () => {
    const config = resolveConfig({ port: 0 }, { DESKSIDE_ADMIN_PASSWORD: 'correct horse', DESKSIDE_ENROLL_TOKEN: 'tok-12345678' });
    expect(config.port).toBe(0);
    expect(config.adminPassword).toBe('correct horse');
    expect(config.enrollToken).toBe('tok-12345678');
  });

  it('refuses an enrolment token no agent could present', () => {
    expect(() => resolveConfig({}, { DESKSIDE_ENROLL_TOKEN: 'short' })).toThrow(ConfigError);
    expect(() => resolveConfig({}, { DESKSIDE_ENROLL_TOKEN: 'x'.repeat(257) })).toThrow(ConfigError);
  });

  it('parses rotate-secrets: both secrets by default, one when named, only its own flags', () => {
    expect(parseCliArgs(['rotate-secrets'])).toEqual({ kind: 'rotate-secrets', overrides: {}, adminPassword: true, enrollToken: true });
    expect(parseCliArgs(['rotate-secrets', '--enroll-token', '--data-dir', '/srv/hub'])).toEqual({ kind: 'rotate-secrets', overrides: { dataDir: '/srv/hub' }, adminPassword: false, enrollToken: true });
    expect(parseCliArgs(['rotate-secrets', '--help'])).toEqual({ kind: 'rotate-help' });
    expect(() => parseCliArgs(['rotate-secrets', '--port', '80'])).toThrow(/Unknown option for rotate-secrets/);
  });

  it('parses the connection budget flags', () => {
    expect(parseCliArgs(['--idle-connection-seconds', '5', '--connections-per-address', '300', '--max-connections', '9000'])).toEqual({
      kind: 'run',
      overrides: { connectionLimits: { idleSeconds: 5, perAddress: 300, total: 9000 } },
    });
    expect(() => parseCliArgs(['--idle-connection-seconds', '0'])).toThrow(/between 1 and 600/);
  });
});
