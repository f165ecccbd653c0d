import type { PlanBuilders } from './fix-plan.js';

const pm = (env: { linuxPackageManager: 'apt' | 'dnf' }) => env.linuxPackageManager;

/** Linux: systemd, NetworkManager, CUPS, apt or dnf, journald. */
export const LINUX_PLANS: PlanBuilders = {
  'flush-dns': () => ({ needsAdmin: true, steps: [{ kind: 'exec', argv: ['resolvectl', 'flush-caches'] }] }),
  'renew-dhcp': ({ adapter }) => ({ needsAdmin: true, steps: [{ kind: 'exec', argv: ['nmcli', 'device', 'connect', adapter] }] }),
  'reset-network-adapter': ({ adapter }) => ({
    needsAdmin: true,
    steps: [
      { kind: 'exec', argv: ['ip', 'link', 'set', 'dev', adapter, 'down'] },
      { kind: 'exec', argv: ['ip', 'link', 'set', 'dev', adapter, 'up'] },
    ],
  }),
  'restart-print-spooler': ({ clearQueue }) => ({
    needsAdmin: true,
    steps: [...(clearQueue ? [{ kind: 'exec' as const, argv: ['cancel', '-a'] as const }] : []), { kind: 'exec', argv: ['systemctl', 'restart', 'cups.service'] }],
  }),
  'clear-temp-files': ({ olderThanDays, emptyRecycleBin }, env) => ({
    needsAdmin: false,
    steps: [
      { kind: 'clean-dir', dir: env.tmpDir, olderThanDays, label: 'temporary files' },
      ...(emptyRecycleBin
        ? [
            { kind: 'clean-dir' as const, dir: `${env.home}/.local/share/Trash/files`, olderThanDays: 0, label: 'trash' },
            { kind: 'clean-dir' as const, dir: `${env.home}/.local/share/Trash/info`, olderThanDays: 0, label: 'trash records' },
          ]
        : []),
    ],
  }),
  'restart-service': ({ service }) => ({ needsAdmin: true, steps: [{ kind: 'exec', argv: ['systemctl', 'restart', '--', service] }] }),
  'install-app': ({ package: name }, env) => ({
    needsAdmin: true,
    steps: [{ kind: 'exec', argv: pm(env) === 'apt' ? ['apt-get', 'install', '-y', '--', name] : ['dnf', 'install', '-y', '--', name] }],
  }),
  'update-app': ({ package: name }, env) => ({
    needsAdmin: true,
    steps: [{ kind: 'exec', argv: pm(env) === 'apt' ? ['apt-get', 'install', '--only-upgrade', '-y', '--', name] : ['dnf', 'upgrade', '-y', '--', name] }],
  }),
  'uninstall-app': ({ package: name }, env) => ({
    needsAdmin: true,
    steps: [{ kind: 'exec', argv: pm(env) === 'apt' ? ['apt-get', 'remove', '-y', '--', name] : ['dnf', 'remove', '-y', '--', name] }],
  }),
  'collect-logs': ({ sinceHours }) => ({
    needsAdmin: false,
    steps: [{ kind: 'exec', argv: ['journalctl', '--no-pager', '--quiet', '--priority', 'warning', '--since', `-${sinceHours}h`, '--lines', '2000'] }],
  }),
  reboot: ({ delayMinutes }) => ({
    needsAdmin: true,
    steps: [{ kind: 'exec', argv: ['shutdown', '-r', `+${delayMinutes}`, 'Restart requested by your help desk (Deskside)'] }],
  }),
};
