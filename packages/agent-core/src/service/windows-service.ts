import { xml } from './launchd-plist.js';
import { serviceArgv, SERVICE_NAMES, type ServiceSpec } from './service-spec.js';

/**
 * Windows: node.exe cannot answer the Service Control Manager itself, so the service host is
 * WinSW (shipped as `deskside-agent-service.exe`, with this XML beside it under the same name).
 * It starts the agent, restarts it when it exits (the watchdog exits 75), rolls its log, and is
 * registered and controlled through argument arrays, never a shell string.
 */
export function winswConfig(spec: ServiceSpec): string {
  const [, ...args] = serviceArgv(spec);
  const env = Object.entries(spec.env).map(([k, v]) => `  <env name="${xml(k)}" value="${xml(v)}"/>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<service>',
    `  <id>${SERVICE_NAMES.windows}</id>`,
    '  <name>Deskside Agent</name>',
    '  <description>Inventory, health checks and help desk for this computer (Deskside).</description>',
    `  <executable>${xml(spec.execPath)}</executable>`,
    `  <arguments>${xml(args.map(windowsQuote).join(' '))}</arguments>`,
    '  <startmode>Automatic</startmode>',
    '  <delayedAutoStart>true</delayedAutoStart>',
    '  <priority>BelowNormal</priority>',
    '  <stoptimeout>15 sec</stoptimeout>',
    '  <onfailure action="restart" delay="5 sec"/>',
    '  <onfailure action="restart" delay="10 sec"/>',
    '  <onfailure action="restart" delay="60 sec"/>',
    '  <resetfailure>1 day</resetfailure>',
    ...env,
    `  <logpath>${xml(spec.logDir)}</logpath>`,
    '  <log mode="roll-by-size">',
    '    <sizeThreshold>10240</sizeThreshold>',
    '    <keepFiles>5</keepFiles>',
    '  </log>',
    '</service>',
    '',
  ].join('\n');
}

/** The service host beside the agent: `…\resources\service\deskside-agent-service.exe`. */
export function winswPaths(hostExe: string): { exe: string; config: string } {
  return { exe: hostExe, config: hostExe.replace(/\.exe$/i, '.xml') };
}

/** Commands (argument arrays) for each action, in order. */
export function windowsCommands(hostExe: string): { install: string[][]; uninstall: string[][]; status: string[][] } {
  return {
    install: [[hostExe, 'install'], [hostExe, 'start']],
    uninstall: [[hostExe, 'stop'], [hostExe, 'uninstall']],
    status: [['sc.exe', 'query', SERVICE_NAMES.windows]],
  };
}

/**
 * One argument for a Windows command line, so that CommandLineToArgvW (and the C runtime) read it
 * back exactly: quoted when it has blanks or quotes, backslashes doubled only before a quote.
 */
export function windowsQuote(arg: string): string {
  if (arg !== '' && !/[\s"]/.test(arg)) return arg;
  let out = '"';
  let slashes = 0;
  for (const c of arg) {
    if (c === '\\') {
      slashes++;
      continue;
    }
    out += c === '"' ? '\\'.repeat(slashes * 2 + 1) + c : '\\'.repeat(slashes) + c;
    slashes = 0;
  }
  return `${out}${'\\'.repeat(slashes * 2)}"`;
}
