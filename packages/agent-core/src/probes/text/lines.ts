/** Small line helpers shared by the text parsers. Input is already LF-normalized. */

/** Groups non-blank lines into blocks separated by one or more blank lines. */
export function splitBlocks(text: string): string[][] {
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      if (current.length > 0) blocks.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

/** Splits `Key: value` (or another separator) at its first occurrence; both sides trimmed. */
export function splitKeyValue(line: string, separator = ':'): [string, string] | undefined {
  const at = line.indexOf(separator);
  if (at <= 0) return undefined;
  return [line.slice(0, at).trim(), line.slice(at + separator.length).trim()];
}

/** A value that a tool prints for "nothing here": empty, `N/A`, `--`, `Not Specified`. */
export function blankToUndefined(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  return trimmed === '' || trimmed === '--' || /^(n\/a|not specified|not available|unknown|none)$/i.test(trimmed) ? undefined : trimmed;
}

export function yesNo(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  if (['yes', 'true', 'on', '1', 'enabled', 'oui', 'ja'].includes(v)) return true;
  if (['no', 'false', 'off', '0', 'disabled', 'non', 'nein'].includes(v)) return false;
  return undefined;
}
