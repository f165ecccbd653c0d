import { useT } from '../i18n/i18n.js';
import { formatDateTime, formatRelativeTime } from '../format/relative-time.js';

/** "2 min ago", with the exact time in the tooltip and `datetime` for machines. */
export function RelativeTime({ value, now }: { value: string | null | undefined; now: number }) {
  const t = useT();
  if (value === null || value === undefined) return <span className="unknown">{t('time.never')}</span>;
  return (
    <time dateTime={value} title={formatDateTime(value)}>
      {formatRelativeTime(value, now)}
    </time>
  );
}
