import { ok, unknown, type ProbeResult } from '../probe.js';

/** One interface's line of `/proc/net/wireless`. */
export interface ProcWirelessLink {
  readonly iface: string;
  /** Driver-scaled link quality (iwlwifi counts to 70); not comparable across drivers. */
  readonly linkQuality: number | null;
  /** Signal level in dBm; null when the driver reports none (not associated: 0 or -256). */
  readonly levelDbm: number | null;
}

const HEADER = /^\s*Inter-\|/;
// "wlp2s0: 0000   54.  -56.  -256        0 …": name, status, then link, level, noise.
const LINE = /^\s*([^\s:]{1,32}):\s+[0-9a-f]+\s+(-?\d+)\.?\s+(-?\d+)\.?\s+(-?\d+)\.?/i;

/**
 * `/proc/net/wireless` (Linux wireless extensions, also served by cfg80211 drivers): cheap to
 * read every heartbeat. Returns every wireless interface; an empty list means the kernel knows
 * of no wireless interface. Levels come as dBm from modern drivers; old ones print an unsigned
 * byte (200 = -56 dBm), which is mapped back.
 */
export function parseProcNetWireless(text: string): ProbeResult<ProcWirelessLink[]> {
  const lines = text.split('\n');
  if (!lines.some((line) => HEADER.test(line))) return unknown('not /proc/net/wireless output (no "Inter-|" header)');
  const links: ProcWirelessLink[] = [];
  for (const line of lines) {
    const match = LINE.exec(line);
    if (!match) continue;
    const link = Number(match[2]);
    links.push({ iface: match[1] ?? '', linkQuality: link > 0 && link <= 255 ? link : null, levelDbm: toDbm(Number(match[3])) });
    if (links.length >= 16) break;
  }
  return ok(links);
}

function toDbm(level: number): number | null {
  const dbm = level > 63 && level <= 255 ? level - 256 : level;
  // 0 and -256 are what drivers print for "no signal"; real links sit between -110 and -1 dBm.
  return dbm >= -110 && dbm <= -1 ? dbm : null;
}
