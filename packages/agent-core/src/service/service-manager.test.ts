import { describe, expect, it } from 'vitest';
import type { ExecResult } from '../probes/exec.js';
import { installService, ServiceError, serviceStatus, uninstallService, type ServiceHost } from './service-manager.js';
import { defaultServiceSpec } from './service-spec.js';
import { parseLaunchctlPrint, parseScQuery, parseSystemctlShow } from './service-status.js';

const linux = defaultServiceSpec('linux', { execPath: '/usr/bin/node', script: '/opt/deskside/bin/deskside-agent.js' });
const win = defaultServiceSpec('win32', { execPath: 'C:\\node.exe', script: 'C:\\a\\deskside-agent.js' });
const HOST_EXE = 'C:\\Program Files\\Deskside\\resources\\service\\deskside-agent-service.exe';

const result = (exitCode: number, stdout = '', stderr = ''): ExecResult => ({ exitCode, stdout: Buffer.from(stdout), stderr: Buffer.from(stderr) });

/** Records every step; answers commands from `answers` (by the command line), exit 0 otherwise. */
function recordingHost(answers: Record<string, ExecResult> = {}, privileged = true) {
  const steps: string[] = [];
  const host: ServiceHost = {
    exec: (file, args) => {
      steps.push(`run ${[file, ...args].join(' ')}`);
      return Promise.resolve(answers[[file, ...args].join(' ')] ?? result(0));
    },
    writeFile: (path, content, mode) => {
      steps.push(`write ${path} ${mode.toString(8)} ${content.length > 0 ? 'content' : 'empty'}`);
      return Promise.resolve();
    },
    removeFile: (path) => {
      steps.push(`remove ${path}`);
      return Promise.resolve();
    },
    isPrivileged: () => privileged,
    log: () => undefined,
  };
  return { host, steps };
}

describe('service install / uninstall', () => {
  it('systemd: writes the unit, reloads, enables and (re)starts it; uninstall reverses it', async () => {
    const { host, steps } = recordingHost();
    await installService(linux, HOST_EXE, host);
    await uninstallService(linux, HOST_EXE, host);
    expect(steps).toEqual([
      'write /etc/systemd/system/deskside-agent.service 644 content',
      'run systemctl daemon-reload',
      'run systemctl enable deskside-agent.service',
      'run systemctl restart deskside-agent.service',
      'run systemctl disable --now deskside-agent.service',
      'remove /etc/systemd/system/deskside-agent.service',
      'run systemctl daemon-reload',
    ]);
  });

  it('Windows: the WinSW host unregisters any old install, gets its XML, installs and starts', async () => {
    const { host, steps } = recordingHost({ [`${HOST_EXE} stop`]: result(1, '', 'not installed') });
    await installService(win, HOST_EXE, host);
    expect(steps).toEqual([
      `run ${HOST_EXE} stop`,
      `run ${HOST_EXE} uninstall`,
      'write C:\\Program Files\\Deskside\\resources\\service\\deskside-agent-service.xml 644 content',
      `run ${HOST_EXE} install`,
      `run ${HOST_EXE} start`,
    ]);
  });

  it('stops at a failing step with what the command said', async () => {
    const { host, steps } = recordingHost({ 'systemctl enable deskside-agent.service': result(1, '', 'Access denied') });
    await expect(installService(linux, HOST_EXE, host)).rejects.toThrow(/systemctl enable deskside-agent.service exited with code 1: Access denied/);
    expect(steps.at(-1)).toBe('run systemctl enable deskside-agent.service');
  });

  it('refuses without administrator rights, touching nothing', async () => {
    const { host, steps } = recordingHost({}, false);
    await expect(installService(linux, HOST_EXE, host)).rejects.toThrow(ServiceError);
    expect(steps).toEqual([]);
  });
});

describe('service status', () => {
  it('reads systemctl show', async () => {
    const { host } = recordingHost({
      'systemctl show deskside-agent.service --property=LoadState,ActiveState,SubState,MainPID,UnitFileState': result(0, 'LoadState=loaded\nActiveState=active\nSubState=running\nMainPID=812\nUnitFileState=enabled\n'),
    });
    expect(await serviceStatus(linux, HOST_EXE, host)).toEqual({ installed: true, running: true, pid: 812, state: 'active (running), enabled' });
    expect(parseSystemctlShow('LoadState=not-found\nActiveState=inactive\nMainPID=0\n')).toMatchObject({ installed: false, running: false });
  });

  it('reads launchctl print and sc query', () => {
    expect(parseLaunchctlPrint('system/com.deskside.agent = {\n\tstate = running\n\tpid = 431\n}', 0)).toEqual({ installed: true, running: true, pid: 431, state: 'running' });
    expect(parseLaunchctlPrint('Could not find service', 113)).toMatchObject({ installed: false });
    const sc = 'SERVICE_NAME: DesksideAgent\r\n        TYPE               : 10  WIN32_OWN_PROCESS\r\n        STATE              : 1  STOPPED\r\n';
    expect(parseScQuery(sc, 0)).toEqual({ installed: true, running: false, pid: null, state: 'STOPPED' });
    expect(parseScQuery('[SC] EnumQueryServicesStatus:OpenService FAILED 1060:', 1060)).toMatchObject({ installed: false });
  });
});
