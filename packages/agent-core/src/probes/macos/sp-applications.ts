import { defineTextProbe } from '../define-probe.js';
import { ok, unknown, type ProbeResult } from '../probe.js';
import { inferDayMonthOrder, parsePrintedDate, type PrintedDate } from '../text/dates.js';
import { findNode, fieldsOf, parseIndentTree } from '../text/indent-tree.js';

export interface MacApplication {
  readonly name: string;
  readonly version?: string;
  /**
   * `Last Modified` in the user's locale. The day/month order is inferred from all dates in the
   * output; when no date in the run can tell (every part ≤ 12), `iso` is null and `note` says so.
   */
  readonly lastModified?: PrintedDate;
  /** `Apple`, `Identified Developer`, `Unknown`… (macOS 10.10+). */
  readonly obtainedFrom?: string;
  /** The first authority of `Signed by` (the signer itself). */
  readonly signedBy?: string;
  readonly path?: string;
  /** `Universal`, `Intel`, `Apple Silicon`, `Other`… */
  readonly kind?: string;
  /** `64-Bit (Intel)` of older macOS. */
  readonly is64Bit?: boolean;
}

/** `system_profiler SPApplicationsDataType` text, both the old (`64-Bit (Intel)`) and the current format. */
export function parseSpApplications(text: string): ProbeResult<MacApplication[]> {
  const root = findNode(parseIndentTree(text), 'Applications');
  if (!root) return unknown('no "Applications:" section');
  const entries = root.children.filter((node) => node.value === undefined).map((node) => ({ name: node.key, fields: fieldsOf(node) }));
  const order = inferDayMonthOrder(entries.map((e) => e.fields['Last Modified'] ?? ''));
  const apps = entries.map(({ name, fields }): MacApplication => {
    const modified = fields['Last Modified'];
    const bits = fields['64-Bit (Intel)'];
    return {
      name,
      version: fields['Version'],
      lastModified: modified === undefined ? undefined : parsePrintedDate(modified, order),
      obtainedFrom: fields['Obtained from'],
      signedBy: fields['Signed by']?.split(',')[0]?.trim(),
      path: fields['Location'],
      kind: fields['Kind'],
      is64Bit: bits === undefined ? undefined : bits === 'Yes',
    };
  });
  return ok(apps);
}

export const spApplicationsProbe = defineTextProbe({
  id: 'macos.sp-applications',
  platforms: ['darwin'],
  // Slow on machines with many apps: give it time.
  commands: [{ file: '/usr/sbin/system_profiler', args: ['SPApplicationsDataType'], timeoutMs: 180_000 }],
  parseText: parseSpApplications,
});
