import { z } from 'zod';
import { bytes, Timestamp } from './common.js';
import { HealthPointSchema } from './device.js';

/** Most hours one `GET /api/v1/devices/:id/health/hourly` answers: 401 days, a little over what the hub keeps. */
export const HEALTH_HOURLY_MAX_HOURS = 401 * 24;

/** `GET /api/v1/devices/:id/health/hourly` query: hours starting in [from, to); to defaults to now, from to 30 days before `to`. */
export const HealthHourlyQuerySchema = z.object({ from: Timestamp.optional(), to: Timestamp.optional() }).strict();
export type HealthHourlyQuery = z.infer<typeof HealthHourlyQuerySchema>;

const signalDbm = () => z.number().int().min(-120).max(0).nullable();
const qualityPercent = () => z.number().int().min(0).max(100).nullable();

/**
 * The Wi-Fi link over one hour: averages (rounded, so the shape reads like a sample's link) and
 * the weakest reading, over the `samples` that had a link.
 */
export const HealthHourWifiSchema = z
  .object({
    signalDbm: signalDbm(),
    qualityPercent: qualityPercent(),
    signalDbmMin: signalDbm(),
    qualityPercentMin: qualityPercent(),
    samples: z.number().int().positive(),
  })
  .refine((link) => link.signalDbm !== null || link.qualityPercent !== null, { message: 'a Wi-Fi link needs a signal or a quality' });
export type HealthHourWifi = z.infer<typeof HealthHourWifiSchema>;

/**
 * One hour of a device's health. The `HealthPoint` fields keep their names and meaning as
 * averages (CPU %, memory used) or the hour's last reading (disk, uptime, totals), so a chart that
 * draws samples draws hours the same way; `at` is the start of the UTC hour. The extra fields are
 * the hour's peaks, its weakest Wi-Fi signal and how many samples it folds.
 */
export const HealthHourPointSchema = HealthPointSchema.extend({
  samples: z.number().int().positive(),
  cpuPercentMax: z.number().min(0).max(100),
  memUsedBytesMax: bytes(),
  diskUsedBytesMax: bytes().nullable(),
  /** Null when no sample of the hour had a Wi-Fi link. */
  wifi: HealthHourWifiSchema.nullable(),
});
export type HealthHourPoint = z.infer<typeof HealthHourPointSchema>;

/** `GET /api/v1/devices/:id/health/hourly`: oldest first. */
export const HealthHourlyResponseSchema = z.object({ hourly: z.array(HealthHourPointSchema).max(HEALTH_HOURLY_MAX_HOURS) });
export type HealthHourlyResponse = z.infer<typeof HealthHourlyResponseSchema>;
