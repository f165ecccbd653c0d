import { defineTextProbe } from '../define-probe.js';
import { ok, unknown, type ProbeResult } from '../probe.js';

/** The current Wi-Fi network's signal and noise, from `system_profiler -json SPAirPortDataType`. */
export interface MacWifiSignal {
  readonly signalDbm: number;
  readonly noiseDbm: number | null;
}

type Item = Record<string, unknown>;
const isRecord = (value: unknown): value is Item => typeof value === 'object' && value !== null && !Array.isArray(value);
const records = (value: unknown): Item[] => (Array.isArray(value) ? value.filter(isRecord) : []);

/**
 * The JSON form is used because its keys are not localized. Each interface with a connection has
 * `spairport_current_network_information.spairport_signal_noise: "-58 dBm / -92 dBm"`; the first
 * such interface wins. ok(null) when Wi-Fi is off or not joined to a network.
 */
export function parseSpAirportJson(text: string): ProbeResult<MacWifiSignal | null> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return unknown('output is not JSON (truncated?)');
  }
  const items = isRecord(json) ? json['SPAirPortDataType'] : undefined;
  if (!Array.isArray(items)) return unknown('JSON has no SPAirPortDataType array');
  for (const item of records(items)) {
    for (const iface of records(item['spairport_airport_interfaces'])) {
      const current = iface['spairport_current_network_information'];
      const signalNoise = isRecord(current) ? current['spairport_signal_noise'] : undefined;
      if (typeof signalNoise !== 'string') continue;
      const match = /^\s*(-\d{1,3})\s*dBm(?:\s*\/\s*(-\d{1,3})\s*dBm)?/i.exec(signalNoise);
      const signal = Number(match?.[1]);
      if (!(signal >= -120 && signal <= -1)) continue;
      const noise = match?.[2] === undefined ? null : Number(match[2]);
      return ok({ signalDbm: signal, noiseDbm: noise !== null && noise >= -120 && noise <= -1 ? noise : null });
    }
  }
  return ok(null);
}

/**
 * Slow (one to several seconds: it also lists nearby networks), so callers cache its answer for
 * minutes instead of running it with every heartbeat.
 */
export const spAirportJsonProbe = defineTextProbe({
  id: 'macos.sp-airport-json',
  platforms: ['darwin'],
  commands: [{ file: '/usr/sbin/system_profiler', args: ['-json', 'SPAirPortDataType'], timeoutMs: 30_000 }],
  parseText: parseSpAirportJson,
});
