import { defineTextProbe } from '../define-probe.js';
import { ok, unknown, type ProbeResult } from '../probe.js';

export interface WindowsService {
  readonly name: string;
  readonly displayName: string;
  /** e.g. `WIN32_SHARE_PROCESS`, `KERNEL_DRIVER`. */
  readonly type: string;
  readonly state: 'stopped' | 'start-pending' | 'stop-pending' | 'running' | 'continue-pending' | 'pause-pending' | 'paused' | 'unknown';
  readonly win32ExitCode: number | undefined;
  /** Accepted controls from the continuation line, e.g. `STOPPABLE`. */
  readonly controls: readonly string[];
}

const STATES: readonly WindowsService['state'][] = ['unknown', 'stopped', 'start-pending', 'stop-pending', 'running', 'continue-pending', 'pause-pending', 'paused'];

/** `sc query type= all state= all`: one block per service starting at `SERVICE_NAME:`. */
export function parseScQuery(text: string): ProbeResult<WindowsService[]> {
  const services: WindowsService[] = [];
  let current: { name: string; displayName: string; type: string; stateCode?: number; exit?: number; controls: string[] } | undefined;
  let lastKey = '';
  const flush = (): void => {
    if (!current) return;
    const { name, displayName, type, stateCode, exit, controls } = current;
    services.push({ name, displayName, type, state: STATES[stateCode ?? 0] ?? 'unknown', win32ExitCode: exit, controls });
  };
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    const service = /^SERVICE_NAME:\s*(.+)$/.exec(trimmed);
    if (service) {
      flush();
      current = { name: (service[1] ?? '').trim(), displayName: '', type: '', controls: [] };
      continue;
    }
    if (!current) continue;
    const display = /^DISPLAY_NAME:\s*(.*)$/.exec(trimmed);
    if (display) current.displayName = (display[1] ?? '').trim();
    const field = /^([A-Z0-9_]+)\s*:\s*(\S+)\s*(.*)$/.exec(trimmed);
    if (field && !display) {
      lastKey = field[1] ?? '';
      const [code = '', rest = ''] = [field[2], field[3]];
      if (lastKey === 'TYPE') current.type = rest.trim().split(/\s+/)[0] ?? '';
      if (lastKey === 'STATE') current.stateCode = Number(code);
      if (lastKey === 'WIN32_EXIT_CODE') current.exit = Number(code);
      continue;
    }
    const controls = /^\(([A-Z_, ]+)\)$/.exec(trimmed);
    if (controls && lastKey === 'STATE') current.controls = (controls[1] ?? '').split(',').map((c) => c.trim()).filter((c) => c !== '');
  }
  flush();
  if (services.length === 0) return unknown('no SERVICE_NAME block in sc output');
  return ok(services);
}

export const scQueryProbe = defineTextProbe({
  id: 'windows.sc-query',
  platforms: ['win32'],
  // `type= all` is sc's own syntax: the option name keeps its `=` and the value is the next argument.
  commands: [{ file: 'sc.exe', args: ['query', 'type=', 'all', 'state=', 'all'] }],
  parseText: parseScQuery,
});
