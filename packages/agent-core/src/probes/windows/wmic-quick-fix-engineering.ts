import { defineTextProbe } from '../define-probe.js';
import { ok, unknown, type ProbeResult } from '../probe.js';
import { inferDayMonthOrder, parsePrintedDate, type PrintedDate } from '../text/dates.js';
import { parseWmicList } from '../text/wmic-list.js';

export interface Hotfix {
  /** `KB2079403`, or the raw id when it is not a KB (`XpsEPSC`). */
  readonly id: string;
  readonly description?: string;
  readonly installedOn?: PrintedDate;
  readonly installedBy?: string;
}

/**
 * `wmic path Win32_QuickFixEngineering get /format:list`. On XP some entries read
 * `HotFixID=File 1` with the KB number in `ServicePackInEffect`. Duplicates are merged.
 */
export function parseWmicQuickFixEngineering(text: string): ProbeResult<Hotfix[]> {
  const records = parseWmicList(text).filter((r) => 'HotFixID' in r);
  const order = inferDayMonthOrder(records.map((r) => r['InstalledOn'] ?? ''));
  const byId = new Map<string, Hotfix>();
  for (const record of records) {
    const id = hotfixId(record);
    if (id === undefined || byId.has(id)) continue;
    const installedOn = record['InstalledOn'];
    byId.set(id, {
      id,
      description: record['Description'] || undefined,
      installedOn: installedOn ? parsePrintedDate(installedOn, order) : undefined,
      installedBy: record['InstalledBy'] || undefined,
    });
  }
  if (records.length === 0) return unknown('no Win32_QuickFixEngineering record with HotFixID');
  return ok([...byId.values()]);
}

function hotfixId(record: Record<string, string>): string | undefined {
  const raw = record['HotFixID'] ?? '';
  if (/^File \d+$/i.test(raw)) {
    const kb = /^KB\d+/i.exec(record['ServicePackInEffect'] ?? '');
    return kb ? kb[0].toUpperCase() : undefined;
  }
  return raw === '' ? undefined : raw;
}

export const wmicQuickFixEngineeringProbe = defineTextProbe({
  id: 'windows.wmic-quick-fix-engineering',
  platforms: ['win32'],
  commands: [{ file: 'wmic.exe', args: ['path', 'Win32_QuickFixEngineering', 'get', '/format:list'] }],
  parseText: parseWmicQuickFixEngineering,
});
