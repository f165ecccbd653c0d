import { formatUsage, usedPercent } from '../format/bytes.js';

/**
 * "120 GB / 476 GB" with a small `<meter>` bar: the browser draws it, so no inline style is
 * needed under the hub's CSP, and it turns amber/red past the thresholds.
 */
export function UsageMeter({ used, total, label }: { used: number | null; total: number | null; label: string }) {
  const percent = usedPercent(used, total);
  if (percent === null || used === null || total === null) return <span className="unknown">—</span>;
  return (
    <span className="usage">
      <meter
        className="usage-meter"
        min={0}
        max={total}
        value={Math.min(used, total)}
        low={total * 0.8}
        high={total * 0.9}
        optimum={0}
        aria-label={`${label}: ${percent}% used`}
      />
      <span className="usage-text">{formatUsage(used, total)}</span>
    </span>
  );
}
