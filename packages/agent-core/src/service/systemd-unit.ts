import { SERVICE_ENV } from './node-flags.js';
import { serviceArgv, type ServiceSpec } from './service-spec.js';

/** Where the unit goes. */
export const SYSTEMD_UNIT_PATH = '/etc/systemd/system/deskside-agent.service';

/**
 * The systemd unit of the agent service. Runs as root (the probes need it: dmidecode, smartctl),
 * restarts always (the watchdog exits 75 to be restarted), keeps state owner-only (UMask 0077)
 * and creates the runtime directory for the trays' socket.
 */
export function systemdUnit(spec: ServiceSpec): string {
  const env = Object.entries({ ...SERVICE_ENV, ...spec.env }).map(([k, v]) => `Environment=${quoteArg(`${k}=${v}`)}`);
  return [
    '[Unit]',
    'Description=Deskside agent (inventory, health checks and help desk for this computer)',
    'Documentation=https://github.com/deskside/deskside',
    'Wants=network-online.target',
    'After=network-online.target',
    '',
    '[Service]',
    'Type=simple',
    `ExecStart=${serviceArgv(spec).map(quoteArg).join(' ')}`,
    'Restart=always',
    'RestartSec=5',
    ...env,
    'UMask=0077',
    'RuntimeDirectory=deskside-agent',
    'RuntimeDirectoryMode=0755',
    'Nice=10',
    'IOSchedulingClass=idle',
    // Belt and braces behind the agent's own watchdog (200 MB).
    'MemoryMax=300M',
    'NoNewPrivileges=yes',
    'PrivateTmp=yes',
    'ProtectHome=read-only',
    '',
    '[Install]',
    'WantedBy=multi-user.target',
    '',
  ].join('\n');
}

/**
 * One argument of ExecStart/Environment in systemd's syntax: double-quoted when needed, with
 * `\` and `"` escaped, `$` doubled (no variable expansion) and `%` doubled (no specifiers).
 */
export function quoteArg(arg: string): string {
  if (/[\n\r\0]/.test(arg)) throw new Error('a service argument cannot contain a line break or NUL');
  const escaped = arg.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\$/g, '$$$$').replace(/%/g, '%%');
  return /^[A-Za-z0-9_@%+=:,./$-]+$/.test(arg) ? escaped : `"${escaped}"`;
}
