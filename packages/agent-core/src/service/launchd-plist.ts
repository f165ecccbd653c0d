import { SERVICE_ENV } from './node-flags.js';
import { serviceArgv, SERVICE_NAMES, type ServiceSpec } from './service-spec.js';

/** Where the daemon's plist goes. */
export const LAUNCHD_PLIST_PATH = `/Library/LaunchDaemons/${SERVICE_NAMES.launchd}.plist`;

/**
 * The launchd daemon of the agent service: started at boot, kept alive (the watchdog exits to be
 * restarted), throttled to one restart per 10 s, owner-only files (Umask 077), low I/O priority.
 */
export function launchdPlist(spec: ServiceSpec): string {
  const env = { ...SERVICE_ENV, ...spec.env };
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    '<dict>',
    key('Label', string(SERVICE_NAMES.launchd)),
    key('ProgramArguments', `<array>\n${serviceArgv(spec).map((a) => `    ${string(a)}`).join('\n')}\n  </array>`),
    key('EnvironmentVariables', `<dict>\n${Object.entries(env).map(([k, v]) => `    <key>${xml(k)}</key>\n    ${string(v)}`).join('\n')}\n  </dict>`),
    key('RunAtLoad', '<true/>'),
    key('KeepAlive', '<true/>'),
    key('ThrottleInterval', '<integer>10</integer>'),
    key('ProcessType', string('Background')),
    key('LowPriorityIO', '<true/>'),
    key('Umask', '<integer>63</integer>'),
    key('StandardOutPath', string(`${spec.logDir}/agent.log`)),
    key('StandardErrorPath', string(`${spec.logDir}/agent.log`)),
    '</dict>',
    '</plist>',
    '',
  ].join('\n');
}

const key = (name: string, value: string) => `  <key>${name}</key>\n  ${value}`;
const string = (value: string) => `<string>${xml(value)}</string>`;

/** XML text escaping; control characters other than tab and line breaks have no XML 1.0 form. */
export function xml(value: string): string {
  if ([...value].some((c) => c < ' ' && c !== '\t' && c !== '\n' && c !== '\r')) throw new Error('a service value cannot contain control characters');
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
