import { cpus, freemem, totalmem, uptime } from 'node:os';
import { MetricsSampleSchema, type MetricsSample } from '@deskside/protocol';
import { byteCount } from './normalize.js';
import { isNetworkFs, isRealVolume } from './volume-filter.js';
import { createWifiSignalSampler, type WifiReading } from './wifi-signal.js';
import { sharedFsSize } from './fs-size.js';

type CpuTimes = { idle: number; total: number };

export interface MetricsSamplerOptions {
  diskTimeoutMs?: number;
  /** The Wi-Fi link reading (time-boxed by itself); the OS's cheapest source by default. */
  wifi?: () => Promise<WifiReading>;
}

/** A heartbeat sampler. CPU % is measured between consecutive calls (since boot on the first). */
export function createMetricsSampler(options: MetricsSamplerOptions = {}): () => Promise<MetricsSample> {
  let previous: CpuTimes | null = null;
  const sampleWifi = options.wifi ?? createWifiSignalSampler();
  return async () => {
    const current = cpuTimes();
    const base = previous ?? { idle: 0, total: 0 };
    previous = current;
    const total = current.total - base.total;
    const busy = total - (current.idle - base.idle);
    const cpuPercent = total > 0 ? Math.min(100, Math.max(0, (busy / total) * 100)) : 0;
    const memTotalBytes = byteCount(totalmem()) ?? 0;
    const memUsedBytes = Math.min(memTotalBytes, byteCount(totalmem() - freemem()) ?? 0);
    // Side by side, so the Wi-Fi reading adds nothing to the heartbeat's wait.
    const [disk, wifi] = await Promise.all([diskTotals(options.diskTimeoutMs ?? 5_000), sampleWifi().catch(() => undefined)]);
    return MetricsSampleSchema.parse({
      cpuPercent: Math.round(cpuPercent * 10) / 10,
      memUsedBytes,
      memTotalBytes,
      diskUsedBytes: disk?.used ?? null,
      diskTotalBytes: disk?.total ?? null,
      uptimeSeconds: Math.max(0, Math.floor(uptime())),
      // Left out, not null, when the agent could not tell: null means "no Wi-Fi connection".
      ...(wifi === undefined ? {} : { wifi }),
    });
  };
}

let shared: (() => Promise<MetricsSample>) | undefined;

/** One cheap health sample for a heartbeat: CPU %, memory, local fixed disk use, uptime, Wi-Fi signal. */
export function sampleMetrics(): Promise<MetricsSample> {
  shared ??= createMetricsSampler();
  return shared();
}

function cpuTimes(): CpuTimes {
  let idle = 0;
  let total = 0;
  for (const c of cpus()) {
    idle += c.times.idle;
    total += c.times.user + c.times.nice + c.times.sys + c.times.idle + c.times.irq;
  }
  return { idle, total };
}

async function diskTotals(timeoutMs: number): Promise<{ used: number; total: number } | null> {
  try {
    const sizes = await sharedFsSize(timeoutMs);
    let used = 0;
    let total = 0;
    const seen = new Set<string>();
    for (const f of sizes) {
      // Count each device once (bind mounts repeat it) and only local, real volumes.
      if (!isRealVolume(f.type, f.mount) || isNetworkFs(f.type, f.fs) || seen.has(f.fs)) continue;
      seen.add(f.fs);
      total += byteCount(f.size) ?? 0;
      used += byteCount(f.used) ?? 0;
    }
    return total > 0 ? { used: Math.min(used, total), total } : null;
  } catch {
    return null;
  }
}
