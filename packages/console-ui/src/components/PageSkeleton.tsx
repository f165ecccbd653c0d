import { useT } from '../i18n/i18n.js';

/** What a page shows while its code or first data loads: the shape of a page, not a spinner. */
export function PageSkeleton({ label }: { label?: string }) {
  const t = useT();
  return (
    <div className="skeleton-page" role="status" aria-live="polite" data-testid="page-skeleton">
      <span className="visually-hidden">{label ?? t('common.loading')}</span>
      <div className="skeleton skeleton-title" aria-hidden="true" />
      <div className="skeleton skeleton-line" aria-hidden="true" />
      <div className="skeleton skeleton-block" aria-hidden="true" />
    </div>
  );
}
