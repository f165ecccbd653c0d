import { defineTextProbe } from '../define-probe.js';
import { ok, unknown, type ProbeResult } from '../probe.js';
import { parseWmicList } from '../text/wmic-list.js';

export type WindowsStartMode = 'auto' | 'manual' | 'disabled' | 'boot' | 'system' | 'unknown';

export interface WmicService {
  readonly name: string;
  readonly displayName: string | undefined;
  readonly startMode: WindowsStartMode;
  /** As printed (`Running`, `Stopped`…); `sc query` stays the source of truth for state. */
  readonly state: string | undefined;
}

const START_MODES: Readonly<Record<string, WindowsStartMode>> = { auto: 'auto', manual: 'manual', disabled: 'disabled', boot: 'boot', system: 'system' };

/** `wmic service get Name,DisplayName,StartMode,State /format:list`: one record per service. */
export function parseWmicServices(text: string): ProbeResult<WmicService[]> {
  const services: WmicService[] = [];
  for (const record of parseWmicList(text)) {
    const name = record['Name'];
    if (!name) continue;
    services.push({
      name,
      displayName: record['DisplayName'] || undefined,
      startMode: START_MODES[(record['StartMode'] ?? '').toLowerCase()] ?? 'unknown',
      state: record['State'] || undefined,
    });
  }
  if (services.length === 0) return unknown('no Win32_Service record with a Name');
  return ok(services);
}

/** One call for every service's start mode (instead of one `sc qc` per service). */
export const wmicServiceProbe = defineTextProbe({
  id: 'windows.wmic-service',
  platforms: ['win32'],
  commands: [{ file: 'wmic.exe', args: ['service', 'get', 'Name,DisplayName,StartMode,State', '/format:list'] }],
  parseText: parseWmicServices,
});
