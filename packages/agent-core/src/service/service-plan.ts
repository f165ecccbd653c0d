import { LAUNCHD_PLIST_PATH, launchdPlist } from './launchd-plist.js';
import { SERVICE_NAMES, type ServiceSpec } from './service-spec.js';
import { SYSTEMD_UNIT_PATH, systemdUnit } from './systemd-unit.js';
import { windowsCommands, winswConfig, winswPaths } from './windows-service.js';

/** One step of `service install|uninstall`, done in order. */
export type ServiceStep =
  | { kind: 'write'; path: string; content: string; mode: number }
  | { kind: 'remove'; path: string }
  /** An argument array, never a shell string. `mayFail`: e.g. stopping a service that is not running. */
  | { kind: 'run'; argv: string[]; mayFail?: boolean };

const run = (argv: string[], mayFail = false): ServiceStep => ({ kind: 'run', argv, ...(mayFail ? { mayFail } : {}) });

/** The status command of a platform. */
export function statusCommand(spec: ServiceSpec, windowsHost: string): string[] {
  switch (spec.platform) {
    case 'linux':
      return ['systemctl', 'show', SERVICE_NAMES.systemd, '--property=LoadState,ActiveState,SubState,MainPID,UnitFileState'];
    case 'darwin':
      return ['launchctl', 'print', `system/${SERVICE_NAMES.launchd}`];
    case 'win32':
      return windowsCommands(windowsHost).status[0] ?? ['sc.exe', 'query', SERVICE_NAMES.windows];
  }
}

/** Installing the service (over an existing one: it is replaced and restarted). */
export function installPlan(spec: ServiceSpec, windowsHost: string): ServiceStep[] {
  switch (spec.platform) {
    case 'linux':
      return [
        { kind: 'write', path: SYSTEMD_UNIT_PATH, content: systemdUnit(spec), mode: 0o644 },
        run(['systemctl', 'daemon-reload']),
        run(['systemctl', 'enable', SERVICE_NAMES.systemd]),
        run(['systemctl', 'restart', SERVICE_NAMES.systemd]),
      ];
    case 'darwin':
      return [
        run(['launchctl', 'bootout', `system/${SERVICE_NAMES.launchd}`], true),
        { kind: 'write', path: LAUNCHD_PLIST_PATH, content: launchdPlist(spec), mode: 0o644 },
        run(['launchctl', 'enable', `system/${SERVICE_NAMES.launchd}`]),
        run(['launchctl', 'bootstrap', 'system', LAUNCHD_PLIST_PATH]),
      ];
    case 'win32': {
      const commands = windowsCommands(windowsHost);
      return [
        // WinSW needs its XML to stop and unregister the previous install.
        ...commands.uninstall.map((argv) => run(argv, true)),
        { kind: 'write', path: winswPaths(windowsHost).config, content: winswConfig(spec), mode: 0o644 },
        ...commands.install.map((argv) => run(argv)),
      ];
    }
  }
}

/** Removing the service; its state directory (the device's credential and outbox) stays. */
export function uninstallPlan(spec: ServiceSpec, windowsHost: string): ServiceStep[] {
  switch (spec.platform) {
    case 'linux':
      return [run(['systemctl', 'disable', '--now', SERVICE_NAMES.systemd], true), { kind: 'remove', path: SYSTEMD_UNIT_PATH }, run(['systemctl', 'daemon-reload'])];
    case 'darwin':
      return [run(['launchctl', 'bootout', `system/${SERVICE_NAMES.launchd}`], true), { kind: 'remove', path: LAUNCHD_PLIST_PATH }];
    case 'win32': {
      const [stop, unregister] = windowsCommands(windowsHost).uninstall;
      return [...(stop ? [run(stop, true)] : []), ...(unregister ? [run(unregister)] : []), { kind: 'remove', path: winswPaths(windowsHost).config }];
    }
  }
}
