import { useFreshness } from '../app/stale-context.js';
import { formatClock } from '../format/relative-time.js';

/**
 * The one unmistakable sign that the screen is not live: "Disconnected — as of 14:32". Shown while
 * the hub is unreachable; values below are greyed and actions disabled until it answers again.
 */
export function StaleBanner({ detail }: { detail?: string | undefined }) {
  const { stale, asOf } = useFreshness();
  if (!stale) return null;
  return (
    <div className="stale-banner" role="alert" data-testid="stale-banner">
      <span className="stale-banner-mark" aria-hidden="true" />
      <strong>Disconnected from the hub</strong>
      <span>
        {asOf === null ? '— nothing loaded yet.' : <>— showing data as of <time dateTime={new Date(asOf).toISOString()}>{formatClock(asOf)}</time>.</>}
      </span>
      <span className="stale-banner-detail">
        Actions are paused; the console reconnects by itself and reloads everything.{detail ? ` (${detail})` : ''}
      </span>
    </div>
  );
}
