import type { HealthPoint, WifiLinkSample } from '@deskside/protocol';

const MINUTE_MS = 60_000;

/**
 * A device's samples (oldest first) as at most `maxPoints` points spread evenly over a window of
 * `windowMs`: returned as they are when they fit, otherwise averaged per time bucket. Buckets are
 * whole minutes wide and aligned to the epoch, so a reload a minute later draws the same points.
 *
 * A bucket is shown as of its last sample: that sample's time, uptime and totals. CPU % and
 * memory used are the bucket's averages (a 3-minute average is what a 24 h chart can show; the
 * peaks are in the hourly rollups). Disk used is the bucket's last reading, not a max or an
 * average: it is what the hourly rollups' `diskUsedBytes` is too, so the 24 h and 7-day charts draw
 * the same quantity, and the used/total pair then comes from one reading (volumes can change).
 * Wi-Fi figures are averaged over the samples with a link; a bucket whose samples say "no link"
 * (and none has one) says so too, and one whose samples do not say leaves `wifi` out.
 */
export function downsampleHealth(points: readonly HealthPoint[], windowMs: number, maxPoints: number): HealthPoint[] {
  if (points.length <= maxPoints) return [...points];
  if (maxPoints < 2) return points.slice(-Math.max(0, maxPoints));
  // maxPoints - 1 buckets cover the window; aligned to the epoch, a window can touch one more.
  const width = Math.max(1, Math.ceil(windowMs / (maxPoints - 1) / MINUTE_MS)) * MINUTE_MS;
  const out: HealthPoint[] = [];
  let bucket: HealthPoint[] = [];
  let bucketIndex = Number.NaN;
  for (const point of points) {
    const index = Math.floor(Date.parse(point.at) / width);
    if (index !== bucketIndex && bucket.length > 0) {
      out.push(averaged(bucket));
      bucket = [];
    }
    bucketIndex = index;
    bucket.push(point);
  }
  if (bucket.length > 0) out.push(averaged(bucket));
  // Only a window wider than promised (samples older than `windowMs`) could overflow: keep the newest.
  return out.length > maxPoints ? out.slice(-maxPoints) : out;
}

function averaged(bucket: readonly HealthPoint[]): HealthPoint {
  const last = bucket[bucket.length - 1];
  if (last === undefined) throw new Error('empty bucket');
  if (bucket.length === 1) return last;
  let cpu = 0;
  let mem = 0;
  let disk: HealthPoint | undefined;
  for (const point of bucket) {
    cpu += point.cpuPercent;
    mem += point.memUsedBytes;
    if (point.diskUsedBytes !== null) disk = point;
  }
  const point: HealthPoint = {
    at: last.at,
    cpuPercent: Math.round((cpu / bucket.length) * 10) / 10,
    memUsedBytes: Math.round(mem / bucket.length),
    memTotalBytes: last.memTotalBytes,
    diskUsedBytes: disk?.diskUsedBytes ?? null,
    diskTotalBytes: disk?.diskTotalBytes ?? null,
    uptimeSeconds: last.uptimeSeconds,
  };
  const wifi = averagedWifi(bucket);
  return wifi === undefined ? point : { ...point, wifi };
}

function averagedWifi(bucket: readonly HealthPoint[]): WifiLinkSample | null | undefined {
  let said = false;
  let links = 0;
  let signal = 0;
  let signals = 0;
  let quality = 0;
  let qualities = 0;
  for (const { wifi } of bucket) {
    if (wifi === undefined) continue;
    said = true;
    if (wifi === null) continue;
    links++;
    if (wifi.signalDbm !== null) {
      signal += wifi.signalDbm;
      signals++;
    }
    if (wifi.qualityPercent !== null) {
      quality += wifi.qualityPercent;
      qualities++;
    }
  }
  if (!said) return undefined;
  if (links === 0) return null;
  return {
    signalDbm: signals === 0 ? null : Math.round(signal / signals),
    qualityPercent: qualities === 0 ? null : Math.round(quality / qualities),
  };
}
