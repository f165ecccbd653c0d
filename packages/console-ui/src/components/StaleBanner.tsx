import { Trans } from 'react-i18next';
import { useFreshness } from '../app/stale-context.js';
import { useT } from '../i18n/i18n.js';
import { formatClock } from '../format/relative-time.js';

/**
 * The one unmistakable sign that the screen is not live: "Disconnected — as of 14:32". Shown while
 * the hub is unreachable; values below are greyed and actions disabled until it answers again.
 */
export function StaleBanner({ detail }: { detail?: string | undefined }) {
  const { stale, asOf } = useFreshness();
  const t = useT();
  if (!stale) return null;
  return (
    <div className="stale-banner" role="alert" data-testid="stale-banner">
      <span className="stale-banner-mark" aria-hidden="true" />
      <strong>{t('common.stale.title')}</strong>
      <span>
        {asOf === null ? (
          t('common.stale.nothingYet')
        ) : (
          <Trans i18nKey="common.stale.asOf" values={{ time: formatClock(asOf) }} components={{ time: <time dateTime={new Date(asOf).toISOString()} /> }} />
        )}
      </span>
      <span className="stale-banner-detail">
        {t('common.stale.paused')}
        {detail ? ` (${detail})` : ''}
      </span>
    </div>
  );
}
