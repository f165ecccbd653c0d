/** What `deskside-agent service status` reports. */
export interface ServiceStatus {
  installed: boolean;
  running: boolean;
  pid: number | null;
  /** The service manager's own words for the state (`active (running)`, `STOPPED`, …). */
  state: string;
}

const NOT_INSTALLED: ServiceStatus = { installed: false, running: false, pid: null, state: 'not installed' };

/** `systemctl show … --property=LoadState,ActiveState,SubState,MainPID,UnitFileState`. */
export function parseSystemctlShow(stdout: string): ServiceStatus {
  const props = new Map(stdout.split('\n').map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1).trim()] as const));
  if (props.get('LoadState') !== 'loaded') return NOT_INSTALLED;
  const active = props.get('ActiveState') ?? 'unknown';
  const pid = Number(props.get('MainPID') ?? 0);
  return {
    installed: true,
    running: active === 'active',
    pid: pid > 0 ? pid : null,
    state: `${active} (${props.get('SubState') ?? '?'}), ${props.get('UnitFileState') ?? '?'}`,
  };
}

/** `launchctl print system/<label>`; a non-zero exit means the daemon is not loaded. */
export function parseLaunchctlPrint(stdout: string, exitCode: number): ServiceStatus {
  if (exitCode !== 0) return NOT_INSTALLED;
  const state = /^\s*state = (.+)$/m.exec(stdout)?.[1]?.trim() ?? 'unknown';
  const pid = Number(/^\s*pid = (\d+)$/m.exec(stdout)?.[1] ?? 0);
  return { installed: true, running: state === 'running', pid: pid > 0 ? pid : null, state };
}

/** `sc.exe query DesksideAgent`; exit 1060 means the service does not exist. */
export function parseScQuery(stdout: string, exitCode: number): ServiceStatus {
  if (exitCode === 1060 || /FAILED 1060/.test(stdout)) return NOT_INSTALLED;
  const state = /STATE\s*:\s*\d+\s+(\w+)/.exec(stdout)?.[1] ?? 'UNKNOWN';
  return { installed: exitCode === 0, running: state === 'RUNNING', pid: null, state };
}
