/**
 * DateTime values as PowerShell's `ConvertTo-Json` writes them. Windows PowerShell 5.1 uses the
 * .NET JavaScript form `"\/Date(1700000000000)\/"` (milliseconds since 1970 UTC, sometimes with an
 * informational `+0100` zone suffix) and, for a DateTime carrying extended-type data (`Get-Date`),
 * wraps it as `{"value": "\/Date(…)\/", "DisplayHint": 2, "DateTime": "<culture text>"}`.
 * PowerShell 7 writes ISO 8601 (`2023-11-14T23:13:20.1234567+01:00`). Both become a UTC ISO
 * timestamp; a time without a zone, a culture-formatted text, or a placeholder (DateTime.MinValue
 * for "never") is null rather than guessed.
 */
export function powerShellJsonDateToIso(value: unknown): string | null {
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && 'value' in value) {
    return powerShellJsonDateToIso((value as { value: unknown }).value);
  }
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const ms = msDate(text) ?? isoDate(text);
  return ms === undefined ? null : new Date(ms).toISOString();
}

// Dates outside this window are placeholders (0001-01-01, 9999-12-31) or clock faults, not facts.
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2200, 0, 1);
const plausible = (ms: number): number | undefined => (Number.isFinite(ms) && ms >= EARLIEST && ms < LATEST ? ms : undefined);

function msDate(text: string): number | undefined {
  // JSON.parse has already turned the `\/` escapes into `/`; accept both in case the text was not decoded.
  const match = /^\\?\/Date\((-?\d{1,15})(?:[+-]\d{4})?\)\\?\/$/.exec(text);
  // The suffix only records the writer's zone: the number is UTC milliseconds either way.
  return match ? plausible(Number(match[1])) : undefined;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|([+-])(\d{2}):?(\d{2}))$/;

function isoDate(text: string): number | undefined {
  const m = ISO.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, fraction = '', zone, sign, zh = '0', zm = '0'] = m;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  if (hour > 23 || minute > 59 || second > 59 || Number(zh) > 14 || Number(zm) > 59) return undefined;
  const offsetMinutes = zone === 'Z' ? 0 : (sign === '-' ? -1 : 1) * (Number(zh) * 60 + Number(zm));
  const ms = Number(fraction.padEnd(3, '0').slice(0, 3));
  return plausible(Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMinutes * 60_000);
}
