import type { PlanBuilders } from './fix-plan.js';

// Every argument is its own argv element: Node quotes each for CreateProcess, so a parameter can
// never become a second command. PowerShell is used only with constant script text.
const POWERSHELL = ['powershell.exe', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command'] as const;
const WINGET_QUIET = ['--exact', '--silent', '--disable-interactivity', '--accept-source-agreements'] as const;

/** Windows: ipconfig, netsh, net (service control), winget, wevtutil, shutdown. */
export const WINDOWS_PLANS: PlanBuilders = {
  'flush-dns': () => ({ needsAdmin: false, steps: [{ kind: 'exec', argv: ['ipconfig', '/flushdns'] }] }),
  'renew-dhcp': ({ adapter }) => ({ needsAdmin: true, steps: [{ kind: 'exec', argv: ['ipconfig', '/renew', adapter] }] }),
  'reset-network-adapter': ({ adapter }) => ({
    needsAdmin: true,
    steps: [
      { kind: 'exec', argv: ['netsh', 'interface', 'set', 'interface', `name=${adapter}`, 'admin=disabled'] },
      { kind: 'exec', argv: ['netsh', 'interface', 'set', 'interface', `name=${adapter}`, 'admin=enabled'] },
    ],
  }),
  'restart-print-spooler': ({ clearQueue }, env) => ({
    needsAdmin: true,
    steps: [
      // 2: "the service is not started", which is what we wanted.
      { kind: 'exec', argv: ['net', 'stop', 'spooler'], okExitCodes: [0, 2] },
      ...(clearQueue ? [{ kind: 'clean-dir' as const, dir: `${env.systemRoot}\\System32\\spool\\PRINTERS`, olderThanDays: 0, label: 'print queue' }] : []),
      { kind: 'exec', argv: ['net', 'start', 'spooler'] },
    ],
  }),
  'clear-temp-files': ({ olderThanDays, emptyRecycleBin }, env) => ({
    needsAdmin: false,
    steps: [
      { kind: 'clean-dir', dir: env.tmpDir, olderThanDays, label: 'temporary files' },
      ...(emptyRecycleBin ? [{ kind: 'exec' as const, argv: [...POWERSHELL, 'Clear-RecycleBin -Force -ErrorAction SilentlyContinue'] as [string, ...string[]] }] : []),
    ],
  }),
  'restart-service': ({ service }) => ({
    needsAdmin: true,
    steps: [
      { kind: 'exec', argv: ['net', 'stop', service], okExitCodes: [0, 2] },
      { kind: 'exec', argv: ['net', 'start', service] },
    ],
  }),
  'install-app': ({ package: name }) => ({ needsAdmin: true, steps: [{ kind: 'exec', argv: ['winget', 'install', '--id', name, ...WINGET_QUIET, '--accept-package-agreements'] }] }),
  'update-app': ({ package: name }) => ({ needsAdmin: true, steps: [{ kind: 'exec', argv: ['winget', 'upgrade', '--id', name, ...WINGET_QUIET, '--accept-package-agreements'] }] }),
  'uninstall-app': ({ package: name }) => ({ needsAdmin: true, steps: [{ kind: 'exec', argv: ['winget', 'uninstall', '--id', name, ...WINGET_QUIET] }] }),
  'collect-logs': ({ sinceHours }) => ({
    needsAdmin: false,
    steps: [
      {
        kind: 'exec',
        argv: ['wevtutil', 'qe', 'System', '/c:500', '/rd:true', '/f:text', `/q:*[System[(Level=1 or Level=2 or Level=3) and TimeCreated[timediff(@SystemTime) <= ${sinceHours * 3_600_000}]]]`],
      },
    ],
  }),
  reboot: ({ delayMinutes }) => ({
    needsAdmin: true,
    steps: [{ kind: 'exec', argv: ['shutdown', '/r', '/t', String(delayMinutes * 60), '/c', 'Restart requested by your help desk (Deskside)'] }],
  }),
};
