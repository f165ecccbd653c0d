import { readFile } from 'node:fs/promises';
import type { WifiLinkSample } from '@deskside/protocol';
import { parseWith } from '../probes/define-probe.js';
import { execFileBuffered, type ExecFn } from '../probes/exec.js';
import { parseProcNetWireless } from '../probes/linux/proc-net-wireless.js';
import { spAirportJsonProbe } from '../probes/macos/sp-airport-json.js';
import { runProbe } from '../probes/run-probe.js';
import { netshWlanInterfacesProbe } from '../probes/windows/netsh-wlan-interfaces.js';
import { wifiLink } from './wifi-link.js';

/** One reading: the link; null when the PC has no Wi-Fi connection now; undefined when it could not tell. */
export type WifiReading = WifiLinkSample | null | undefined;

export interface WifiSignalOptions {
  platform?: NodeJS.Platform;
  exec?: ExecFn;
  /** Reads a text file (Linux: /proc/net/wireless). */
  readText?: (path: string) => Promise<string>;
  now?: () => number;
  /** Longest a heartbeat waits for a reading; a slower one lands in the cache for a later heartbeat. */
  timeoutMs?: number;
  /** Windows/macOS: after "no Wi-Fi connection" (or a failure), how long before asking the OS again. */
  idleRecheckMs?: number;
  /** macOS: how long a reading is reused (system_profiler takes seconds). */
  slowSourceMaxAgeMs?: number;
}

interface Source {
  read(): Promise<WifiReading>;
  /** How long a reading that found a link is reused before the OS is asked again. */
  linkMaxAgeMs: number;
  /** The same for "no link" and "could not tell". */
  noLinkMaxAgeMs: number;
}

const MINUTE = 60_000;
const TIMED_OUT = Symbol('timed-out');

/**
 * A Wi-Fi signal sampler for heartbeats. Each platform's cheapest source: Linux reads
 * /proc/net/wireless every time (a file read); Windows runs `netsh wlan show interfaces` (tens of
 * ms) every time while connected, and only every few minutes while it finds no Wi-Fi, so a wired
 * desktop does not spawn netsh every heartbeat; macOS has no cheap source (`airport -I` is gone
 * since 14.4), so `system_profiler` runs at most every few minutes in the background and its
 * answer is reused. Never throws; never holds a heartbeat longer than `timeoutMs`.
 */
export function createWifiSignalSampler(options: WifiSignalOptions = {}): () => Promise<WifiReading> {
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? 1_500;
  const source = sourceFor(options);
  if (!source) return () => Promise.resolve(undefined);
  let cached: { value: WifiReading; at: number } | null = null;
  let inFlight: Promise<WifiReading> | null = null;
  const maxAge = (value: WifiReading) => (value ? source.linkMaxAgeMs : source.noLinkMaxAgeMs);

  const refresh = (): Promise<WifiReading> => {
    inFlight ??= source
      .read()
      .catch(() => undefined)
      .then((value) => {
        cached = { value, at: now() };
        inFlight = null;
        return value;
      });
    return inFlight;
  };

  return async () => {
    const started = now();
    if (cached && started - cached.at < maxAge(cached.value)) return cached.value;
    const fresh = await within(refresh(), timeoutMs);
    if (fresh !== TIMED_OUT) return fresh;
    // Too slow this time: an earlier reading still stands for a while (a slow source's normal case).
    return cached && started - cached.at < 3 * Math.max(maxAge(cached.value), MINUTE) ? cached.value : undefined;
  };
}

function sourceFor(options: WifiSignalOptions): Source | null {
  const platform = options.platform ?? process.platform;
  const exec = options.exec ?? execFileBuffered;
  const idle = options.idleRecheckMs ?? 5 * MINUTE;
  if (platform === 'linux') {
    const readText = options.readText ?? ((path: string) => readFile(path, 'latin1'));
    return { read: () => readProcNetWireless(readText), linkMaxAgeMs: 0, noLinkMaxAgeMs: 0 };
  }
  if (platform === 'win32') {
    const read = async (): Promise<WifiReading> => {
      const result = await runProbe(netshWlanInterfacesProbe, exec, { platform });
      if (result.status !== 'ok') return undefined;
      return result.value && wifiLink({ dbm: result.value.rssiDbm, quality: result.value.qualityPercent });
    };
    return { read, linkMaxAgeMs: 0, noLinkMaxAgeMs: idle };
  }
  if (platform === 'darwin') {
    const slow = options.slowSourceMaxAgeMs ?? 5 * MINUTE;
    const read = async (): Promise<WifiReading> => {
      const result = await runProbe(spAirportJsonProbe, exec, { platform });
      if (result.status !== 'ok') return undefined;
      return result.value && wifiLink({ dbm: result.value.signalDbm });
    };
    return { read, linkMaxAgeMs: slow, noLinkMaxAgeMs: Math.max(slow, idle) };
  }
  return null;
}

async function readProcNetWireless(readText: (path: string) => Promise<string>): Promise<WifiReading> {
  const result = parseWith(parseProcNetWireless, await readText('/proc/net/wireless'));
  if (result.status !== 'ok') return undefined;
  // The first interface with a signal; one that is not associated reports none.
  const link = result.value.find((l) => l.levelDbm !== null);
  return link ? wifiLink({ dbm: link.levelDbm }) : null;
}

function within<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(TIMED_OUT), ms);
    timer.unref();
    void promise.then((value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}
