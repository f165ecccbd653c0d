import { defineTextProbe } from '../define-probe.js';
import { ok, unknown, type ProbeResult } from '../probe.js';
import { splitBlocks } from '../text/lines.js';
import { decodeProductState, type ScannerState } from './product-state.js';

export interface AntivirusProduct {
  readonly name: string;
  /** Absent when the output did not include `productState` (e.g. `wmic … get displayName`). */
  readonly productState?: number;
  readonly enabled?: boolean;
  readonly upToDate?: boolean;
  readonly scanner?: ScannerState;
  readonly reportingExe?: string;
}

/**
 * `root/SecurityCenter2` AntivirusProduct, as `Get-CimInstance` prints it (`name : value`) or as
 * `wmic … /format:list` does (`name=value`). Only workstations have SecurityCenter2.
 *
 * No definitions version or date comes from here: the class has no version property, and its
 * `timestamp` is the product-state timestamp (IWscProduct::get_ProductStateTimestamp, the time the
 * product last reported its state to Security Center), not when its signatures were updated, so
 * it is not requested and not passed off as `definitionsUpdatedAt`.
 */
export function parseSecurityCenterAntivirus(text: string): ProbeResult<AntivirusProduct[]> {
  const products: AntivirusProduct[] = [];
  for (const block of splitBlocks(text)) {
    const fields: Record<string, string> = {};
    for (const line of block) {
      const match = /^(\w+)\s*(?::|=)\s?(.*)$/.exec(line.trim());
      if (match) fields[(match[1] ?? '').toLowerCase()] = (match[2] ?? '').trim();
    }
    const name = fields['displayname'];
    if (name === undefined || name === '') continue;
    const stateText = fields['productstate'];
    const state = stateText !== undefined && /^\d+$/.test(stateText) ? Number(stateText) : undefined;
    const decoded = state === undefined ? undefined : decodeProductState(state);
    products.push({
      name,
      productState: state,
      enabled: decoded?.enabled,
      upToDate: decoded?.upToDate,
      scanner: decoded?.scanner,
      reportingExe: fields['pathtosignedreportingexe'] || undefined,
    });
  }
  if (products.length === 0) return unknown('no AntivirusProduct with a displayName (server OS, or none registered)');
  return ok(products);
}

export const securityCenterAntivirusProbe = defineTextProbe({
  id: 'windows.security-center-antivirus',
  platforms: ['win32'],
  commands: [
    {
      file: 'powershell.exe',
      args: ['-NoProfile', '-NonInteractive', '-Command', 'Get-CimInstance -Namespace root/SecurityCenter2 -ClassName AntivirusProduct | Format-List displayName,productState,pathToSignedReportingExe'],
    },
  ],
  parseText: parseSecurityCenterAntivirus,
});
