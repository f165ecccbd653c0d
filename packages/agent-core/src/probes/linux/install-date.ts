/** Oldest plausible install instant: nothing before 2000, nothing in the future. */
const MIN_VALID = Date.UTC(2000, 0, 1);

/** The first entry of a dpkg log ("2024-01-15 10:23:45 startup archives unpack"), in local time. */
export function firstDpkgLogTime(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) /m.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const at = new Date(y, mo - 1, d, h, mi, s).getTime();
  return Number.isFinite(at) ? at : null;
}

/** Whether an instant (ms) can be an install date; file systems without birth times report 0. */
export function plausibleInstant(ms: number | null | undefined, now: number): ms is number {
  return typeof ms === 'number' && Number.isFinite(ms) && ms >= MIN_VALID && ms <= now;
}

/** `dpkg.log`, `dpkg.log.1`, `dpkg.log.2.gz`…: the names in /var/log that are dpkg logs. */
export function isDpkgLog(name: string): boolean {
  return /^dpkg\.log(\.\d+)?(\.gz)?$/.test(name);
}
