import { defineTextProbe } from '../define-probe.js';
import { ok, unknown, type ProbeResult } from '../probe.js';
import { parseAlignedTable } from '../text/columns.js';

export interface Snap {
  readonly name: string;
  readonly version: string;
  readonly revision: string;
  readonly tracking?: string;
  /** Without snapd's verified markers (`*`, `✓`). */
  readonly publisher?: string;
  readonly publisherVerified: boolean;
  readonly notes: readonly string[];
}

/** `snap list --color never`. */
export function parseSnapList(text: string): ProbeResult<Snap[]> {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  if (lines.length === 0) return ok([]);
  if (!/^Name\s+Version\s+Rev/.test(lines[0] ?? '')) return unknown('no "Name Version Rev" header');
  return ok(
    parseAlignedTable(lines).rows.map((row) => {
      const publisher = row['Publisher'] ?? '';
      const notes = row['Notes'] ?? '';
      return {
        name: row['Name'] ?? '',
        version: row['Version'] ?? '',
        revision: row['Rev'] ?? '',
        tracking: row['Tracking'] || undefined,
        publisher: publisher.replace(/[*✓✪]$/u, '') || undefined,
        publisherVerified: /[*✓✪]$/u.test(publisher),
        notes: notes === '-' || notes === '' ? [] : notes.split(','),
      };
    }),
  );
}

export const snapListProbe = defineTextProbe({
  id: 'linux.snap-list',
  platforms: ['linux'],
  commands: [{ file: 'snap', args: ['list', '--color', 'never'] }],
  parseText: parseSnapList,
});
