import type { ExecFn } from '../probes/exec.js';
import { installPlan, statusCommand, uninstallPlan, type ServiceStep } from './service-plan.js';
import type { ServiceSpec } from './service-spec.js';
import { parseLaunchctlPrint, parseScQuery, parseSystemctlShow, type ServiceStatus } from './service-status.js';

/** The machine edges `service install|uninstall|status` touch, passed in so tests can record them. */
export interface ServiceHost {
  exec: ExecFn;
  writeFile(path: string, content: string, mode: number): Promise<void>;
  removeFile(path: string): Promise<void>;
  /** Root / Administrator; installing a system service needs it. */
  isPrivileged(): boolean;
  log(line: string): void;
}

/** A step of the plan failed; the message names the command and what it said. */
export class ServiceError extends Error {}

const EXEC = { timeoutMs: 60_000, maxBuffer: 1024 * 1024 };

export async function installService(spec: ServiceSpec, windowsHost: string, host: ServiceHost): Promise<void> {
  requirePrivilege(host, 'install');
  await apply(installPlan(spec, windowsHost), host);
}

export async function uninstallService(spec: ServiceSpec, windowsHost: string, host: ServiceHost): Promise<void> {
  requirePrivilege(host, 'uninstall');
  await apply(uninstallPlan(spec, windowsHost), host);
}

export async function serviceStatus(spec: ServiceSpec, windowsHost: string, host: ServiceHost): Promise<ServiceStatus> {
  const [file, ...args] = statusCommand(spec, windowsHost);
  if (!file) throw new ServiceError('no status command');
  const result = await host.exec(file, args, EXEC);
  const stdout = Buffer.from(result.stdout).toString('utf8');
  if (spec.platform === 'linux') return parseSystemctlShow(stdout);
  if (spec.platform === 'darwin') return parseLaunchctlPrint(stdout, result.exitCode);
  return parseScQuery(stdout, result.exitCode);
}

function requirePrivilege(host: ServiceHost, action: string): void {
  if (!host.isPrivileged()) throw new ServiceError(`${action} needs administrator rights: run it with sudo, or from an elevated prompt on Windows`);
}

async function apply(steps: ServiceStep[], host: ServiceHost): Promise<void> {
  for (const step of steps) {
    if (step.kind === 'write') {
      await host.writeFile(step.path, step.content, step.mode);
      host.log(`wrote ${step.path}`);
    } else if (step.kind === 'remove') {
      await host.removeFile(step.path);
      host.log(`removed ${step.path}`);
    } else {
      const [file, ...args] = step.argv;
      if (!file) continue;
      const result = await host.exec(file, args, EXEC).catch((e: unknown) => {
        if (step.mayFail) return null;
        throw new ServiceError(`${step.argv.join(' ')}: ${e instanceof Error ? e.message : String(e)}`);
      });
      if (result && result.exitCode !== 0 && !step.mayFail) {
        const said = Buffer.from(result.stderr).toString('utf8').trim() || Buffer.from(result.stdout).toString('utf8').trim();
        throw new ServiceError(`${step.argv.join(' ')} exited with code ${result.exitCode}${said ? `: ${said.slice(0, 500)}` : ''}`);
      }
      host.log(`ran ${step.argv.join(' ')}`);
    }
  }
}
