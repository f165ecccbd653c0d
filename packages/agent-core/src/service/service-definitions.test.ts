import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import plist from 'plist';
import { describe, expect, it } from 'vitest';
import { launchdPlist } from './launchd-plist.js';
import { SERVICE_ENV, SERVICE_NODE_FLAGS } from './node-flags.js';
import { defaultServiceSpec, serviceArgv, type ServiceSpec } from './service-spec.js';
import { quoteArg, systemdUnit } from './systemd-unit.js';
import { windowsQuote, winswConfig } from './windows-service.js';

// Paths with a space, a quote, a dollar and a percent: every quoting rule gets exercised.
const awkward = join(mkdtempSync(join(tmpdir(), 'svc def-')), `it's $HOME 100%`);
const linux: ServiceSpec = { ...defaultServiceSpec('linux', { execPath: process.execPath, script: `${awkward}/deskside-agent.js` }), stateDir: `${awkward}/state` };
const mac = defaultServiceSpec('darwin', { execPath: '/Applications/Deskside Agent.app/Contents/MacOS/Deskside Agent', script: '/Applications/Deskside Agent.app/Contents/Resources/app/bin/deskside-agent.js' });
const win = { ...defaultServiceSpec('win32', { execPath: 'C:\\Program Files\\Deskside\\Deskside Agent.exe', script: 'C:\\Program Files\\Deskside\\resources\\bin\\deskside-agent.js', env: { ProgramData: 'C:\\ProgramData' } }), env: { ELECTRON_RUN_AS_NODE: '1' } };

const hasSystemdAnalyze = spawnSync('systemd-analyze', ['--version']).status === 0;

/** systemd's own splitting of an ExecStart line, as `systemd-analyze` would: via its unquoting rules. */
function systemdSplit(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/"((?:[^"\\]|\\.)*)"|(\S+)/g)) out.push((m[1] ?? m[2] ?? '').replace(/\\(.)/g, '$1').replace(/\$\$/g, '$').replace(/%%/g, '%'));
  return out;
}

describe('systemd unit', () => {
  const unit = systemdUnit(linux);

  it.runIf(hasSystemdAnalyze)('passes `systemd-analyze verify` without a single warning', () => {
    const dir = mkdtempSync(join(tmpdir(), 'unit-'));
    const file = join(dir, 'deskside-agent.service');
    writeFileSync(file, unit);
    const result = spawnSync('systemd-analyze', ['verify', file], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('runs exactly the service command line, restarts always, keeps files owner-only', () => {
    const exec = /^ExecStart=(.*)$/m.exec(unit)?.[1] ?? '';
    expect(systemdSplit(exec)).toEqual(serviceArgv(linux));
    expect(serviceArgv(linux)).toEqual([process.execPath, ...SERVICE_NODE_FLAGS, `${awkward}/deskside-agent.js`, 'run', '--config', '/etc/deskside/agent.json', '--state-dir', `${awkward}/state`, '--ipc', '/run/deskside-agent/agent.sock']);
    expect(unit).toMatch(/^Restart=always$/m);
    expect(unit).toMatch(/^UMask=0077$/m);
    expect(unit).toMatch(/^Environment=MALLOC_ARENA_MAX=2$/m);
    expect(unit).toMatch(/^WantedBy=multi-user.target$/m);
  });

  it('refuses an argument that would break the unit file', () => {
    expect(() => quoteArg('a\nExecStartPre=/bin/sh')).toThrow(/line break/);
    expect(quoteArg('/usr/bin/node')).toBe('/usr/bin/node');
  });
});

describe('launchd plist', () => {
  it('parses as a property list with the daemon keys', () => {
    const parsed = plist.parse(launchdPlist(mac)) as Record<string, unknown>;
    expect(parsed).toEqual({
      Label: 'com.deskside.agent',
      ProgramArguments: serviceArgv(mac),
      EnvironmentVariables: { ...SERVICE_ENV },
      RunAtLoad: true,
      KeepAlive: true,
      ThrottleInterval: 10,
      ProcessType: 'Background',
      LowPriorityIO: true,
      Umask: 0o77,
      StandardOutPath: '/Library/Logs/Deskside/agent.log',
      StandardErrorPath: '/Library/Logs/Deskside/agent.log',
    });
  });

  it('escapes XML in every value', () => {
    const tricky = { ...mac, stateDir: '/tmp/<a>&"b"' };
    expect((plist.parse(launchdPlist(tricky)) as { ProgramArguments: string[] }).ProgramArguments).toContain('/tmp/<a>&"b"');
  });
});

describe('Windows service (WinSW host)', () => {
  const parse = (xml: string) => {
    const errors: string[] = [];
    const doc = new DOMParser({ errorHandler: { warning: (m) => errors.push(m), error: (m) => errors.push(m), fatalError: (m) => errors.push(m) } }).parseFromString(xml, 'text/xml');
    expect(errors).toEqual([]);
    return (tag: string) => Array.from(doc.getElementsByTagName(tag)).map((e) => e.textContent ?? '');
  };

  it('is well-formed XML naming the service, its command line and its restart policy', () => {
    const text = parse(winswConfig(win));
    expect(text('id')).toEqual(['DesksideAgent']);
    expect(text('executable')).toEqual([win.execPath]);
    expect(text('startmode')).toEqual(['Automatic']);
    const args = text('arguments')[0] ?? '';
    expect(args).toContain('"C:\\Program Files\\Deskside\\resources\\bin\\deskside-agent.js" run --config C:\\ProgramData\\Deskside\\agent.json --state-dir C:\\ProgramData\\Deskside\\agent --ipc \\\\.\\pipe\\deskside-agent');
    expect(winswConfig(win)).toContain('<onfailure action="restart" delay="5 sec"/>');
    expect(winswConfig(win)).toContain('<env name="ELECTRON_RUN_AS_NODE" value="1"/>');
  });

  it.runIf(process.platform !== 'win32')('quotes arguments so the C runtime reads them back exactly', () => {
    // Node parses its own command line as the C runtime does: round-trip through a real process.
    const args = ['plain', 'with space', 'quote"inside', 'trailing\\', 'C:\\dir with space\\', ''];
    const line = args.map(windowsQuote).join(' ');
    expect(line).toBe('plain "with space" "quote\\"inside" trailing\\ "C:\\dir with space\\\\" ""');
    expect(execFileSync(process.execPath, ['-e', 'process.stdout.write(JSON.stringify(process.argv.slice(1)))', ...args], { encoding: 'utf8' })).toBe(JSON.stringify(args));
  });
});
