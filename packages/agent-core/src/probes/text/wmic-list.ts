import { splitBlocks } from './lines.js';

/**
 * `wmic … get /format:list`: blocks of `Name=Value` lines separated by blank lines. Lines starting
 * with `#` are comments some exports carry. Keys are kept as printed (PascalCase).
 */
export function parseWmicList(text: string): Record<string, string>[] {
  const records: Record<string, string>[] = [];
  for (const block of splitBlocks(text)) {
    const record: Record<string, string> = {};
    let fields = 0;
    for (const line of block) {
      if (line.startsWith('#')) continue;
      const at = line.indexOf('=');
      if (at <= 0) continue;
      record[line.slice(0, at).trim()] = line.slice(at + 1).trim();
      fields += 1;
    }
    if (fields > 0) records.push(record);
  }
  return records;
}
