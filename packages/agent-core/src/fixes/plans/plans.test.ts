import { FIX_ACTION_IDS, FIX_PARAM_SCHEMAS, type FixActionId, type FixOs } from '@deskside/protocol';
import { describe, expect, it } from 'vitest';
import type { PlanEnv } from './fix-plan.js';
import { PLANS, planFix } from './plan-fix.js';

const ENV: PlanEnv = { tmpDir: '/tmp/t', home: '/home/ann', linuxPackageManager: 'apt', systemRoot: 'C:\\Windows' };
const WIN_ENV: PlanEnv = { ...ENV, tmpDir: 'C:\\Users\\ann\\AppData\\Local\\Temp', home: 'C:\\Users\\ann' };

const argvs = (os: FixOs, action: FixActionId, params: Record<string, unknown>, env = ENV) =>
  planFix(os, action, params as never, env).steps.map((s) => (s.kind === 'exec' ? s.argv : [`clean-dir ${s.dir} ${s.olderThanDays}`]));

describe('fix plans: the exact commands each OS builds (never a shell string)', () => {
  it('Windows', () => {
    expect(argvs('windows', 'flush-dns', {})).toEqual([['ipconfig', '/flushdns']]);
    expect(argvs('windows', 'renew-dhcp', { adapter: 'Wi-Fi 2' })).toEqual([['ipconfig', '/renew', 'Wi-Fi 2']]);
    expect(argvs('windows', 'reset-network-adapter', { adapter: 'Ethernet' })).toEqual([
      ['netsh', 'interface', 'set', 'interface', 'name=Ethernet', 'admin=disabled'],
      ['netsh', 'interface', 'set', 'interface', 'name=Ethernet', 'admin=enabled'],
    ]);
    expect(argvs('windows', 'restart-print-spooler', { clearQueue: true })).toEqual([['net', 'stop', 'spooler'], ['clean-dir C:\\Windows\\System32\\spool\\PRINTERS 0'], ['net', 'start', 'spooler']]);
    expect(argvs('windows', 'clear-temp-files', { olderThanDays: 2, emptyRecycleBin: true }, WIN_ENV)).toEqual([
      ['clean-dir C:\\Users\\ann\\AppData\\Local\\Temp 2'],
      ['powershell.exe', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', 'Clear-RecycleBin -Force -ErrorAction SilentlyContinue'],
    ]);
    expect(argvs('windows', 'restart-service', { service: 'wuauserv' })).toEqual([['net', 'stop', 'wuauserv'], ['net', 'start', 'wuauserv']]);
    expect(argvs('windows', 'install-app', { package: 'Mozilla.Firefox' })).toEqual([
      ['winget', 'install', '--id', 'Mozilla.Firefox', '--exact', '--silent', '--disable-interactivity', '--accept-source-agreements', '--accept-package-agreements'],
    ]);
    expect(argvs('windows', 'update-app', { package: 'Mozilla.Firefox' })[0]?.slice(0, 4)).toEqual(['winget', 'upgrade', '--id', 'Mozilla.Firefox']);
    expect(argvs('windows', 'uninstall-app', { package: 'Mozilla.Firefox' })).toEqual([
      ['winget', 'uninstall', '--id', 'Mozilla.Firefox', '--exact', '--silent', '--disable-interactivity', '--accept-source-agreements'],
    ]);
    expect(argvs('windows', 'collect-logs', { sinceHours: 2 })).toEqual([
      ['wevtutil', 'qe', 'System', '/c:500', '/rd:true', '/f:text', '/q:*[System[(Level=1 or Level=2 or Level=3) and TimeCreated[timediff(@SystemTime) <= 7200000]]]'],
    ]);
    expect(argvs('windows', 'reboot', { delayMinutes: 15 })).toEqual([['shutdown', '/r', '/t', '900', '/c', 'Restart requested by your help desk (Deskside)']]);
  });

  it('macOS', () => {
    expect(argvs('macos', 'flush-dns', {})).toEqual([['dscacheutil', '-flushcache'], ['killall', '-HUP', 'mDNSResponder']]);
    expect(argvs('macos', 'renew-dhcp', { adapter: 'en0' })).toEqual([['ipconfig', 'set', 'en0', 'DHCP']]);
    expect(argvs('macos', 'reset-network-adapter', { adapter: 'en0' })).toEqual([['ifconfig', 'en0', 'down'], ['ifconfig', 'en0', 'up']]);
    expect(argvs('macos', 'restart-print-spooler', { clearQueue: true })).toEqual([['cancel', '-a', '-'], ['launchctl', 'kickstart', '-k', 'system/org.cups.cupsd']]);
    expect(argvs('macos', 'clear-temp-files', { olderThanDays: 1, emptyRecycleBin: true })).toEqual([['clean-dir /tmp/t 1'], ['clean-dir /home/ann/.Trash 0']]);
    expect(argvs('macos', 'restart-service', { service: 'com.example.agent' })).toEqual([['launchctl', 'kickstart', '-k', 'system/com.example.agent']]);
    expect(argvs('macos', 'install-app', { package: 'firefox' })).toEqual([['brew', 'install', 'firefox']]);
    expect(argvs('macos', 'update-app', { package: 'firefox' })).toEqual([['brew', 'upgrade', 'firefox']]);
    expect(argvs('macos', 'uninstall-app', { package: 'firefox' })).toEqual([['brew', 'uninstall', 'firefox']]);
    expect(argvs('macos', 'collect-logs', { sinceHours: 3 })).toEqual([['log', 'show', '--last', '3h', '--style', 'compact', '--predicate', 'messageType == error OR messageType == fault']]);
    expect(argvs('macos', 'reboot', { delayMinutes: 0 })).toEqual([['shutdown', '-r', '+0']]);
    expect(planFix('macos', 'install-app', { package: 'firefox' }, ENV).needsAdmin).toBe(false);
  });

  it('Linux', () => {
    expect(argvs('linux', 'flush-dns', {})).toEqual([['resolvectl', 'flush-caches']]);
    expect(argvs('linux', 'renew-dhcp', { adapter: 'eth0' })).toEqual([['nmcli', 'device', 'connect', 'eth0']]);
    expect(argvs('linux', 'restart-print-spooler', { clearQueue: false })).toEqual([['systemctl', 'restart', 'cups.service']]);
    expect(argvs('linux', 'restart-service', { service: 'sshd' })).toEqual([['systemctl', 'restart', '--', 'sshd']]);
    expect(argvs('linux', 'install-app', { package: 'vlc' })).toEqual([['apt-get', 'install', '-y', '--', 'vlc']]);
    expect(argvs('linux', 'install-app', { package: 'vlc' }, { ...ENV, linuxPackageManager: 'dnf' })).toEqual([['dnf', 'install', '-y', '--', 'vlc']]);
    expect(argvs('linux', 'uninstall-app', { package: 'vlc' })).toEqual([['apt-get', 'remove', '-y', '--', 'vlc']]);
    expect(argvs('linux', 'clear-temp-files', { olderThanDays: 7, emptyRecycleBin: true })).toEqual([
      ['clean-dir /tmp/t 7'],
      ['clean-dir /home/ann/.local/share/Trash/files 0'],
      ['clean-dir /home/ann/.local/share/Trash/info 0'],
    ]);
    expect(argvs('linux', 'reboot', { delayMinutes: 5 })).toEqual([['shutdown', '-r', '+5', 'Restart requested by your help desk (Deskside)']]);
  });

  it('every OS implements every action of the catalogue', () => {
    for (const os of ['linux', 'windows', 'macos'] as const) expect(Object.keys(PLANS[os]).sort()).toEqual([...FIX_ACTION_IDS].sort());
  });

  it('parameters that could become options or a second command are refused by the schemas', () => {
    expect(FIX_PARAM_SCHEMAS['restart-service'].safeParse({ service: '--help' }).success).toBe(false);
    expect(FIX_PARAM_SCHEMAS['restart-service'].safeParse({ service: 'sshd; rm -rf /' }).success).toBe(false);
    expect(FIX_PARAM_SCHEMAS['install-app'].safeParse({ package: 'a b' }).success).toBe(false);
    expect(FIX_PARAM_SCHEMAS['renew-dhcp'].safeParse({ adapter: 'eth0" & calc' }).success).toBe(false);
    expect(FIX_PARAM_SCHEMAS['clear-temp-files'].safeParse({ olderThanDays: 366, emptyRecycleBin: false }).success).toBe(false);
    expect(FIX_PARAM_SCHEMAS['flush-dns'].safeParse({ extra: 1 }).success).toBe(false);
  });
});
