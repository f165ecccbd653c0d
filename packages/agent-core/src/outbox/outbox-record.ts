import { z } from 'zod';

/** How much an item is worth keeping when the outbox is full. */
export type OutboxPriority = 'low' | 'high';

/** One queued message as stored in its file. */
export const OutboxRecordSchema = z.object({
  v: z.literal(1),
  id: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/),
  kind: z.string().min(1).max(64),
  priority: z.enum(['low', 'high']),
  enqueuedAt: z.string().max(64),
  payload: z.unknown(),
});
export type OutboxRecord = z.infer<typeof OutboxRecordSchema>;

/** Raised when a high-value item cannot be queued because the outbox is full of high-value items. */
export class OutboxFullError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutboxFullError';
  }
}

export const FILE_SUFFIX = '.json';
export const ITEM_FILE = /^[0-9A-HJKMNP-TV-Z]{26}\.json$/;
