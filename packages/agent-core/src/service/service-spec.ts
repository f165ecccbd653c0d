import { SERVICE_NODE_FLAGS } from './node-flags.js';

/** The agent service's names on each OS. */
export const SERVICE_NAMES = {
  systemd: 'deskside-agent.service',
  launchd: 'com.deskside.agent',
  windows: 'DesksideAgent',
} as const;

/** Everything a service definition says: what to run, where state and logs go. */
export interface ServiceSpec {
  platform: 'linux' | 'darwin' | 'win32';
  /** Absolute path of the Node executable (or the packaged app's binary run as Node). */
  execPath: string;
  /** Absolute path of `bin/deskside-agent.js`. */
  script: string;
  nodeFlags: readonly string[];
  /** Machine-wide state: credential, outbox, inventory (owner-only). */
  stateDir: string;
  /** Machine-wide configuration written by the installer (`HUB_URL`, `ENROLL_TOKEN`, …). */
  configFile: string;
  /** Where the per-user trays connect (Unix socket or named pipe). */
  ipcPath: string;
  /** Log file (macOS, Windows); systemd keeps the journal. */
  logDir: string;
  /** Extra environment, e.g. `ELECTRON_RUN_AS_NODE=1` when the packaged app's binary runs the agent. */
  env: Readonly<Record<string, string>>;
}

/** The default machine-wide locations per OS, for the running Node and this agent's script. */
export function defaultServiceSpec(
  platform: NodeJS.Platform,
  runtime: { execPath: string; script: string; env?: Readonly<Record<string, string | undefined>> },
): ServiceSpec {
  const base = { execPath: runtime.execPath, script: runtime.script, nodeFlags: SERVICE_NODE_FLAGS, env: {} };
  switch (platform) {
    case 'linux':
      return {
        ...base,
        platform,
        stateDir: '/var/lib/deskside-agent',
        configFile: '/etc/deskside/agent.json',
        ipcPath: '/run/deskside-agent/agent.sock',
        logDir: '/var/log/deskside-agent',
      };
    case 'darwin':
      return {
        ...base,
        platform,
        stateDir: '/Library/Application Support/Deskside/agent',
        configFile: '/Library/Application Support/Deskside/agent.json',
        ipcPath: '/var/run/deskside-agent.sock',
        logDir: '/Library/Logs/Deskside',
      };
    case 'win32': {
      const programData = runtime.env?.['ProgramData'] ?? runtime.env?.['PROGRAMDATA'] ?? 'C:\\ProgramData';
      return {
        ...base,
        platform,
        stateDir: `${programData}\\Deskside\\agent`,
        configFile: `${programData}\\Deskside\\agent.json`,
        ipcPath: '\\\\.\\pipe\\deskside-agent',
        logDir: `${programData}\\Deskside\\logs`,
      };
    }
    default:
      throw new Error(`the agent service is not supported on ${platform}`);
  }
}

/** The service's command line as an argument array: never joined into a shell string. */
export function serviceArgv(spec: ServiceSpec): string[] {
  return [spec.execPath, ...spec.nodeFlags, spec.script, 'run', '--config', spec.configFile, '--state-dir', spec.stateDir, '--ipc', spec.ipcPath];
}
