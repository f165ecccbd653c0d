import { z } from 'zod';
import { LIMITS } from '../limits.js';

/** A bounded string: every string on the wire has a length cap. */
export const text = (max: number = LIMITS.shortText) => z.string().max(max);

/** A bounded string that may be unknown (`null`): what a probe could not read. */
export const maybeText = (max: number = LIMITS.shortText) => text(max).nullable();

/** A byte count: a finite, non-negative integer below 1 EiB. */
export const bytes = () => z.number().int().nonnegative().max(LIMITS.maxBytes);

/** A bounded list. */
export const list = <T extends z.ZodType>(item: T, max: number = LIMITS.inventoryList) => z.array(item).max(max);

/** An instant on the wire: ISO 8601 in UTC with a zone designator. */
export const Timestamp = z.iso.datetime({ offset: true });
