import { describe, expect, it } from 'vitest';
import { parseWith } from '../define-probe.js';
import { okValue } from '../testing/ok-value.js';
import { parseSystemctlUnitFiles, parseSystemctlUnits } from './systemctl-units.js';

// Shapes as systemd 252 prints them with --plain --no-legend (a failed unit keeps its ● marker on some versions).
const UNITS = [
  'cron.service                         loaded    active   running Regular background program processing daemon',
  '● apache2.service                     loaded    failed   failed  The Apache HTTP Server',
  'ssh.service                          loaded    inactive dead    OpenBSD Secure Shell server',
  'not-a-service.socket loaded active listening x',
].join('\n');

const FILES = ['cron.service enabled enabled', 'ssh.service disabled enabled', 'dbus.service static -', ''].join('\n');

describe('systemctl parsers', () => {
  it('lists services with active and sub state', () => {
    const units = okValue(parseWith(parseSystemctlUnits, UNITS));
    expect(units.map((u) => [u.name, u.active, u.sub])).toEqual([
      ['cron.service', 'active', 'running'],
      ['apache2.service', 'failed', 'failed'],
      ['ssh.service', 'inactive', 'dead'],
    ]);
    expect(units[0]?.description).toBe('Regular background program processing daemon');
  });

  it('reads unit-file states', () => {
    expect(okValue(parseWith(parseSystemctlUnitFiles, FILES))).toEqual([
      { name: 'cron.service', state: 'enabled' },
      { name: 'ssh.service', state: 'disabled' },
      { name: 'dbus.service', state: 'static' },
    ]);
  });

  it('says why when systemd is not PID 1 (containers)', () => {
    const r = parseSystemctlUnits('System has not been booted with systemd as init system (PID 1). Can\'t operate.');
    expect(r).toEqual({ status: 'unknown', reason: 'systemd is not running' });
  });
});
