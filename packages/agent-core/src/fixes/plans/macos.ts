import type { PlanBuilders } from './fix-plan.js';

/** macOS: dscacheutil, ipconfig/ifconfig, launchctl, CUPS, Homebrew (never as root), log, shutdown. */
export const MACOS_PLANS: PlanBuilders = {
  'flush-dns': () => ({
    needsAdmin: true,
    steps: [
      { kind: 'exec', argv: ['dscacheutil', '-flushcache'] },
      { kind: 'exec', argv: ['killall', '-HUP', 'mDNSResponder'] },
    ],
  }),
  'renew-dhcp': ({ adapter }) => ({ needsAdmin: true, steps: [{ kind: 'exec', argv: ['ipconfig', 'set', adapter, 'DHCP'] }] }),
  'reset-network-adapter': ({ adapter }) => ({
    needsAdmin: true,
    steps: [
      { kind: 'exec', argv: ['ifconfig', adapter, 'down'] },
      { kind: 'exec', argv: ['ifconfig', adapter, 'up'] },
    ],
  }),
  'restart-print-spooler': ({ clearQueue }) => ({
    needsAdmin: true,
    steps: [...(clearQueue ? [{ kind: 'exec' as const, argv: ['cancel', '-a', '-'] as const }] : []), { kind: 'exec', argv: ['launchctl', 'kickstart', '-k', 'system/org.cups.cupsd'] }],
  }),
  'clear-temp-files': ({ olderThanDays, emptyRecycleBin }, env) => ({
    needsAdmin: false,
    steps: [
      { kind: 'clean-dir', dir: env.tmpDir, olderThanDays, label: 'temporary files' },
      ...(emptyRecycleBin ? [{ kind: 'clean-dir' as const, dir: `${env.home}/.Trash`, olderThanDays: 0, label: 'trash' }] : []),
    ],
  }),
  'restart-service': ({ service }) => ({ needsAdmin: true, steps: [{ kind: 'exec', argv: ['launchctl', 'kickstart', '-k', `system/${service}`] }] }),
  // Homebrew refuses to run as root: these run as the signed-in user.
  'install-app': ({ package: name }) => ({ needsAdmin: false, steps: [{ kind: 'exec', argv: ['brew', 'install', name] }] }),
  'update-app': ({ package: name }) => ({ needsAdmin: false, steps: [{ kind: 'exec', argv: ['brew', 'upgrade', name] }] }),
  'uninstall-app': ({ package: name }) => ({ needsAdmin: false, steps: [{ kind: 'exec', argv: ['brew', 'uninstall', name] }] }),
  'collect-logs': ({ sinceHours }) => ({
    needsAdmin: false,
    steps: [{ kind: 'exec', argv: ['log', 'show', '--last', `${sinceHours}h`, '--style', 'compact', '--predicate', 'messageType == error OR messageType == fault'] }],
  }),
  reboot: ({ delayMinutes }) => ({ needsAdmin: true, steps: [{ kind: 'exec', argv: ['shutdown', '-r', `+${delayMinutes}`] }] }),
};
