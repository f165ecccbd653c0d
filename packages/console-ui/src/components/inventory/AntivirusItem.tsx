import type { Antivirus } from '@deskside/protocol';
import { formatDateTime } from '../../format/relative-time.js';
import { SafeText } from '../SafeText.js';
import { YesNo } from '../YesNo.js';

/**
 * One antivirus product: name, enabled, up to date, then the definitions version and update time
 * when the agent sent them. An absent field (older agent, or a source that does not say) shows
 * nothing; a null version (the probe could not read it) reads "unknown".
 */
export function AntivirusItem({ product }: { product: Antivirus }) {
  const { definitionsVersion: version, definitionsUpdatedAt: updatedAt } = product;
  return (
    <>
      <SafeText value={product.name} /> — enabled <YesNo value={product.enabled} />, definitions up to date <YesNo value={product.upToDate} />
      {(version !== undefined || (updatedAt !== undefined && updatedAt !== null)) && (
        <span className="muted">
          {' '}
          (definitions{version !== undefined && <> <SafeText value={version} fallback="unknown" /></>}
          {updatedAt !== undefined && updatedAt !== null && (
            <>
              {version === undefined ? ' updated ' : ', updated '}
              <time dateTime={updatedAt}>{formatDateTime(updatedAt)}</time>
            </>
          )}
          )
        </span>
      )}
    </>
  );
}
