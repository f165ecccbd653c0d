import { z } from 'zod';
import { IdSchema } from '../ids.js';
import { text, Timestamp } from './common.js';

/** `GET /api/v1/kb/report?from=&to=&staleMonths=`. */
export const KbReportQuerySchema = z.object({
  from: Timestamp,
  to: Timestamp,
  staleMonths: z.coerce.number().int().min(1).max(60).default(6),
});
export type KbReportQuery = z.infer<typeof KbReportQuerySchema>;

const Count = z.number().int().nonnegative();

/** What the knowledge base did in a period: deflections and their worth, and where it falls short. */
export const KbReportSchema = z.object({
  from: Timestamp,
  to: Timestamp,
  /** Requests ended by "This solved it" in the tray. */
  deflections: Count,
  /** Median minutes from opening to resolution of comparable tickets (null: none resolved yet). */
  medianHandlingMinutes: z.number().nonnegative().nullable(),
  /** How many resolved tickets that median comes from, and how they were picked. */
  comparableTickets: Count,
  comparableBasis: z.enum(['article-tickets', 'all-tickets', 'none']),
  /** deflections × median handling minutes. */
  minutesSaved: z.number().nonnegative(),
  topArticles: z.array(z.object({ id: IdSchema, title: text(200), views: Count, deflections: Count, helpful: Count, unhelpful: Count })),
  /** The content gaps: what people searched for and found nothing. */
  noResultSearches: z.array(z.object({ query: text(200), count: Count, lastAt: Timestamp })),
  unhelpful: z.array(z.object({ id: IdSchema, title: text(200), helpful: Count, unhelpful: Count, lastComment: text(1000).nullable() })),
  stale: z.array(z.object({ id: IdSchema, title: text(200), reviewedAt: Timestamp })),
});
export type KbReport = z.infer<typeof KbReportSchema>;
