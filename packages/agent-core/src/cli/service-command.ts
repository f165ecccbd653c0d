import { mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileBuffered } from '../probes/exec.js';
import { writeFileAtomic } from '../util/atomic-file.js';
import { errorMessage } from '../util/with-timeout.js';
import { installService, ServiceError, serviceStatus, uninstallService, type ServiceHost } from '../service/service-manager.js';
import { defaultServiceSpec, type ServiceSpec } from '../service/service-spec.js';
import type { CliIo } from './cli-io.js';

export interface ServiceArgs {
  action: 'install' | 'uninstall' | 'status';
  stateDir: string | undefined;
  configFile: string | undefined;
}

/** This agent's launcher, whichever build (bundle or tsc output) is running. */
const SCRIPT = fileURLToPath(new URL('../../bin/deskside-agent.js', import.meta.url));

/** The machine as `service` sees it. */
export function realServiceHost(io: CliIo): ServiceHost {
  return {
    exec: execFileBuffered,
    async writeFile(path, content, mode) {
      await mkdir(dirname(path), { recursive: true, mode: 0o755 });
      await writeFileAtomic(path, content, mode);
    },
    removeFile: (path) => rm(path, { force: true }),
    isPrivileged: () => (typeof process.getuid === 'function' ? process.getuid() === 0 : true),
    log: (line) => io.stdout(`${line}\n`),
  };
}

/** The service definition for this machine and this agent (the packaged app's binary runs as Node). */
export function thisMachineSpec(args: Pick<ServiceArgs, 'stateDir' | 'configFile'>): ServiceSpec {
  const spec = defaultServiceSpec(process.platform, { execPath: process.execPath, script: SCRIPT, env: process.env });
  return {
    ...spec,
    ...(args.stateDir ? { stateDir: args.stateDir } : {}),
    ...(args.configFile ? { configFile: args.configFile } : {}),
    env: process.versions['electron'] ? { ELECTRON_RUN_AS_NODE: '1' } : {},
  };
}

/** WinSW, shipped beside the app as resources\service\deskside-agent-service.exe. */
function windowsHost(): string {
  return process.env['DESKSIDE_SERVICE_HOST'] ?? join(dirname(process.execPath), 'resources', 'service', 'deskside-agent-service.exe');
}

/**
 * `deskside-agent service install|uninstall|status`. Exit codes: 0 done (status: running),
 * 1 failed, 3 status: installed but not running, 4 status: not installed.
 */
export async function serviceCommand(args: ServiceArgs, io: CliIo, host: ServiceHost = realServiceHost(io), spec: ServiceSpec = thisMachineSpec(args)): Promise<number> {
  try {
    if (args.action === 'install') {
      await installService(spec, windowsHost(), host);
      io.stdout(`The Deskside agent service is installed and started (state in ${spec.stateDir}, configuration ${spec.configFile}).\n`);
      return 0;
    }
    if (args.action === 'uninstall') {
      await uninstallService(spec, windowsHost(), host);
      io.stdout(`The Deskside agent service is removed; its state in ${spec.stateDir} is kept.\n`);
      return 0;
    }
    const status = await serviceStatus(spec, windowsHost(), host);
    const detail = status.installed ? `installed, ${status.running ? 'running' : 'not running'} (${status.state}${status.pid ? `, pid ${status.pid}` : ''})` : 'not installed';
    io.stdout(`Deskside agent service: ${detail}\n`);
    return status.running ? 0 : status.installed ? 3 : 4;
  } catch (e) {
    io.stderr(`deskside-agent: service ${args.action} failed: ${e instanceof ServiceError ? e.message : errorMessage(e)}\n`);
    return 1;
  }
}
