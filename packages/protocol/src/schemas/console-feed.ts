import { z } from 'zod';
import { IdSchema } from '../ids.js';
import { DeviceSummarySchema } from './device.js';

/** `devices:changed`: the latest summaries of every device that changed since the last flush. */
export const DevicesChangedSchema = z.object({ devices: z.array(DeviceSummarySchema) });
export type DevicesChanged = z.infer<typeof DevicesChangedSchema>;

/** `devices:removed`: devices the console must drop (revoked or merged). */
export const DevicesRemovedSchema = z.object({ ids: z.array(IdSchema) });
export type DevicesRemoved = z.infer<typeof DevicesRemovedSchema>;

/** `session:ended`: the technician's session is over; the console returns to the login page. */
export const SessionEndedSchema = z.object({ reason: z.enum(['expired', 'revoked']) });
export type SessionEnded = z.infer<typeof SessionEndedSchema>;
