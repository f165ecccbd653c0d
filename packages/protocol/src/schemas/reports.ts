import { z } from 'zod';
import { IdSchema } from '../ids.js';
import { text, Timestamp } from './common.js';
import { PrioritySchema, TicketCategorySchema } from './ticket.js';

/** The longest period an activity report covers (a year and a day, for leap years). */
export const ACTIVITY_REPORT_MAX_DAYS = 366;

const LocalDate = z.iso.date();

/** Whether this runtime knows `zone` as an IANA time zone (Intl is plain ECMAScript). */
function knownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * `GET /api/v1/reports/activity[.csv]?from=YYYY-MM-DD&to=YYYY-MM-DD&tz=Europe/Paris`: local dates,
 * both included, bucketed by day in `tz` (the viewer's IANA zone).
 */
export const ActivityReportQuerySchema = z
  .object({
    from: LocalDate,
    to: LocalDate,
    tz: text(64).min(1).refine(knownZone, 'must be an IANA time zone'),
  })
  .strict()
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < ACTIVITY_REPORT_MAX_DAYS, {
    message: `the period is at most ${ACTIVITY_REPORT_MAX_DAYS} days`,
    path: ['to'],
  });
export type ActivityReportQuery = z.infer<typeof ActivityReportQuerySchema>;

const Count = z.number().int().nonnegative();
const Ms = z.number().nonnegative();

/** Median and 90th percentile of a set of durations (null when the set is empty). */
export const DurationStatsSchema = z.object({ medianMs: Ms.nullable(), p90Ms: Ms.nullable() });
export type DurationStats = z.infer<typeof DurationStatsSchema>;

/** Wall-clock and business-time (the SLA clock: business hours, pauses excluded) statistics. */
export const TimingSchema = z.object({
  count: Count,
  wall: DurationStatsSchema,
  /** Null when the hub has no SLA clock to measure business time with. */
  business: DurationStatsSchema.nullable(),
});
export type Timing = z.infer<typeof TimingSchema>;

/** SLA targets decided in the period: met vs breached; percent met, null when none was decided. */
export const SlaComplianceSchema = z.object({ met: Count, breached: Count, percent: z.number().min(0).max(100).nullable() });
export type SlaCompliance = z.infer<typeof SlaComplianceSchema>;

export const ActivityBucketSchema = z.object({
  /** The local date of the day, or of the first day of the week (Monday) within the period. */
  date: LocalDate,
  opened: Count,
  resolved: Count,
  /** Open tickets (new, open, pending) at the end of the bucket, or at generation time for today. */
  backlog: Count,
});
export type ActivityBucket = z.infer<typeof ActivityBucketSchema>;

const DeviceRef = { deviceId: IdSchema, hostname: text(255) };

/** `GET /api/v1/reports/activity`: ticket and alert activity of a period, computed from history events. */
/**
 * Satisfaction and reopens of one group: ratings given in the period (each ticket's latest) and
 * resolutions made in the period that were reopened later (by the employee's "not fixed" or a reply).
 */
export const SatisfactionFiguresSchema = z.object({
  good: Count,
  bad: Count,
  /** Share of good ratings (CSAT %), one decimal; null without ratings. */
  csatPercent: z.number().min(0).max(100).nullable(),
  resolutions: Count,
  reopened: Count,
  reopenPercent: z.number().min(0).max(100).nullable(),
});
export type SatisfactionFigures = z.infer<typeof SatisfactionFiguresSchema>;

export const ActivityReportSchema = z.object({
  period: z.object({
    from: LocalDate,
    to: LocalDate,
    timeZone: text(64),
    startsAt: Timestamp,
    endsAt: Timestamp,
    generatedAt: Timestamp,
    /** The period reaches past generation time: figures stop at `generatedAt`. */
    partial: z.boolean(),
  }),
  summary: z.object({
    opened: Count,
    resolved: Count,
    /** Duplicates closed by merging into another ticket (not counted as resolved). */
    merged: Count,
    backlogAtStart: Count,
    backlogAtEnd: Count,
    firstResponse: TimingSchema,
    resolution: TimingSchema,
    sla: z.object({ firstResponse: SlaComplianceSchema, resolution: SlaComplianceSchema }),
  }),
  byCategory: z.array(z.object({ category: TicketCategorySchema, opened: Count, resolved: Count })).max(20),
  byPriority: z
    .array(z.object({ priority: PrioritySchema, opened: Count, resolved: Count, firstResponse: SlaComplianceSchema, resolution: SlaComplianceSchema }))
    .max(4),
  byTechnician: z.array(z.object({ userId: text(64), name: text(128), resolved: Count, firstResponses: Count, replies: Count })).max(500),
  daily: z.array(ActivityBucketSchema).max(400),
  weekly: z.array(ActivityBucketSchema).max(60),
  recurring: z.object({
    categories: z.array(z.object({ category: TicketCategorySchema, tickets: Count, devices: Count })).max(20),
    /** Devices with at least `deviceThreshold` tickets opened in the period. */
    deviceThreshold: Count,
    devices: z.array(z.object({ ...DeviceRef, tickets: Count, categories: z.array(TicketCategorySchema).max(20) })).max(100),
    /** Alert checks by the number of devices they were raised on, then by occurrences. */
    checks: z.array(z.object({ check: text(128), devices: Count, occurrences: Count })).max(50),
  }),
  /** Devices with the most tickets opened plus alert occurrences in the period. */
  topDevices: z.array(z.object({ ...DeviceRef, tickets: Count, alerts: Count })).max(50),
  /** CSAT % and reopen rate overall, per technician (who resolved it) and per category. */
  satisfaction: z.object({
    overall: SatisfactionFiguresSchema,
    byTechnician: z.array(SatisfactionFiguresSchema.extend({ userId: text(64), name: text(128) })).max(500),
    byCategory: z.array(SatisfactionFiguresSchema.extend({ category: TicketCategorySchema })).max(20),
  }),
  /** More history than one report reads existed; the oldest part was left out. */
  truncated: z.boolean(),
});
export type ActivityReport = z.infer<typeof ActivityReportSchema>;
