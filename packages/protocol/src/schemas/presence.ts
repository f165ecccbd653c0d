import { z } from 'zod';
import { MessageIdSchema } from '../ids.js';
import { Timestamp } from './common.js';

/**
 * What the console shows for a device:
 * - online: heartbeats arrive on time;
 * - asleep: the agent said it was suspending;
 * - shut-down: the agent said the PC was shutting down;
 * - unreachable: heartbeats stopped without a word (network loss, dead agent);
 * - overdue: unreachable (or silent) for longer than the overdue threshold.
 */
export const DeviceStatusSchema = z.enum(['online', 'asleep', 'shut-down', 'unreachable', 'overdue']);
export type DeviceStatus = z.infer<typeof DeviceStatusSchema>;

/** `device:presence`: the agent announces a clean departure or return, so it is not "unreachable". */
export const PresenceNoticeSchema = z.object({
  id: MessageIdSchema,
  sentAt: Timestamp,
  state: z.enum(['suspending', 'resuming', 'shutting-down']),
});
export type PresenceNotice = z.infer<typeof PresenceNoticeSchema>;
