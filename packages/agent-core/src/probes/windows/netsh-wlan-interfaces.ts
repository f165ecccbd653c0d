import { defineTextProbe } from '../define-probe.js';
import { ok, unknown, type ProbeResult } from '../probe.js';

/** The connected interface's signal, as `netsh wlan show interfaces` prints it. */
export interface NetshWlanSignal {
  /** `Signal : 85%`: Windows' own quality scale (0 % at -100 dBm, 100 % at -50 dBm). */
  readonly qualityPercent: number;
  /** `Rssi : -58`, printed by recent Windows 11 builds only. */
  readonly rssiDbm: number | null;
}

// Labels are localized ("Signal", "Señal", "Сигнал") and the code page varies, so the signal is
// found by its value instead: it is the only line whose value is a bare percentage ("85%",
// French "85 %"). Only a connected interface prints it.
const PERCENT_LINE = /^\s*[^:\n]{1,60}:\s*(\d{1,3})\s?%\s*$/;
// "Rssi" is not translated; a negative whole number after it.
const RSSI_LINE = /^\s*rssi\s*:\s*(-\d{1,3})\s*$/i;

/**
 * `netsh wlan show interfaces` in any display language. ok(null) when no interface is connected
 * (or there is none: the tool then prints one localized sentence). With several connected
 * interfaces the first one's signal is kept.
 */
export function parseNetshWlanInterfaces(text: string): ProbeResult<NetshWlanSignal | null> {
  if (text.trim() === '') return unknown('netsh printed nothing');
  const lines = text.split('\n');
  const at = lines.findIndex((line) => PERCENT_LINE.test(line));
  if (at < 0) return ok(null);
  const quality = Number(PERCENT_LINE.exec(lines[at] ?? '')?.[1]);
  if (!(quality >= 0 && quality <= 100)) return unknown(`signal quality out of range: ${quality}`);
  return ok({ qualityPercent: quality, rssiDbm: rssiNear(lines, at) });
}

/** The Rssi line of the same interface block: between the blank lines around the signal line. */
function rssiNear(lines: readonly string[], at: number): number | null {
  let start = at;
  while (start > 0 && (lines[start - 1] ?? '').trim() !== '') start -= 1;
  for (let i = start; i < lines.length && (lines[i] ?? '').trim() !== ''; i += 1) {
    const match = RSSI_LINE.exec(lines[i] ?? '');
    const dbm = match ? Number(match[1]) : NaN;
    if (dbm >= -120 && dbm <= -1) return dbm;
  }
  return null;
}

/** Fast (tens of ms), so it can run with every heartbeat; the short timeout keeps a hung netsh out of it. */
export const netshWlanInterfacesProbe = defineTextProbe({
  id: 'windows.netsh-wlan-interfaces',
  platforms: ['win32'],
  commands: [{ file: 'netsh.exe', args: ['wlan', 'show', 'interfaces'], timeoutMs: 5_000 }],
  parseText: parseNetshWlanInterfaces,
});
