import { z } from 'zod';
import { MessageIdSchema } from '../ids.js';
import { bytes, Timestamp } from './common.js';

/** A small health sample carried by every heartbeat. */
export const MetricsSampleSchema = z.object({
  cpuPercent: z.number().min(0).max(100),
  memUsedBytes: bytes(),
  memTotalBytes: bytes(),
  /** Sum over local fixed volumes; null when the agent could not read them this time. */
  diskUsedBytes: bytes().nullable(),
  diskTotalBytes: bytes().nullable(),
  uptimeSeconds: z.number().int().nonnegative().max(100 * 365 * 24 * 3600),
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
