import { z } from 'zod';
import { MessageIdSchema } from '../ids.js';
import { bytes, Timestamp } from './common.js';

/**
 * The Wi-Fi link at sample time. Signal strength lives here, not in the inventory: it changes
 * every run and would make every inventory hash new. Either figure may be unknown alone; an agent
 * that knows one derives the other (see agent-core's wifi-signal), so both are usually set.
 */
export const WifiLinkSampleSchema = z
  .object({
    /** Received signal strength. Real links sit between about -95 and -20 dBm. */
    signalDbm: z.number().int().min(-120).max(0).nullable(),
    /** Signal quality as Windows reports it (0 % at -100 dBm, 100 % at -50 dBm and above). */
    qualityPercent: z.number().int().min(0).max(100).nullable(),
  })
  .refine((link) => link.signalDbm !== null || link.qualityPercent !== null, { message: 'a Wi-Fi link needs a signal or a quality' });
export type WifiLinkSample = z.infer<typeof WifiLinkSampleSchema>;

/** A small health sample carried by every heartbeat. */
export const MetricsSampleSchema = z.object({
  cpuPercent: z.number().min(0).max(100),
  memUsedBytes: bytes(),
  memTotalBytes: bytes(),
  /** Sum over local fixed volumes; null when the agent could not read them this time. */
  diskUsedBytes: bytes().nullable(),
  diskTotalBytes: bytes().nullable(),
  uptimeSeconds: z.number().int().nonnegative().max(100 * 365 * 24 * 3600),
  /**
   * The current Wi-Fi link; null when the PC has no wireless connection now; absent when the agent
   * could not tell this time (or predates the field).
   */
  wifi: WifiLinkSampleSchema.nullable().optional(),
});
export type MetricsSample = z.infer<typeof MetricsSampleSchema>;

/** `device:heartbeat`: "I am alive", with a sample. Acked after the sample is committed. */
export const HeartbeatSchema = z.object({
  id: MessageIdSchema,
  sentAt: Timestamp,
  metrics: MetricsSampleSchema,
});
export type Heartbeat = z.infer<typeof HeartbeatSchema>;

export const HeartbeatAckSchema = z.object({ receivedAt: Timestamp });
export type HeartbeatAck = z.infer<typeof HeartbeatAckSchema>;
