import { ActivityReportSchema, type ActivityReport } from '@deskside/protocol';
import { ApiError } from './api-error.js';
import type { AssetApi } from './asset-api.js';

export interface ActivityQuery {
  from: string;
  to: string;
  tz: string;
}

/** `/api/v1/reports/activity[.csv]?from=&to=&tz=`. */
export function activityPath(q: ActivityQuery, format: 'json' | 'csv'): string {
  return `/api/v1/reports/activity${format === 'csv' ? '.csv' : ''}?${new URLSearchParams({ from: q.from, to: q.to, tz: q.tz }).toString()}`;
}

/** The activity report, validated against the protocol schema (the hub's raw GET with the session, via the asset API). */
export async function fetchActivityReport(api: Pick<AssetApi, 'openExport'>, q: ActivityQuery, signal: AbortSignal): Promise<ActivityReport> {
  const response = await api.openExport(activityPath(q, 'json'), signal);
  const parsed = ActivityReportSchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw new ApiError('bad_response', 'The hub sent an answer the console does not understand.', response.status);
  return parsed.data;
}

/** Downloads the CSV under the name the hub proposed. */
export async function downloadActivityCsv(api: Pick<AssetApi, 'openExport'>, q: ActivityQuery): Promise<void> {
  const response = await api.openExport(activityPath(q, 'csv'), new AbortController().signal);
  const blob = await response.blob();
  const match = /filename="([A-Za-z0-9._-]{1,100})"/.exec(response.headers.get('Content-Disposition') ?? '');
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = match?.[1] ?? 'deskside-activity.csv';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
