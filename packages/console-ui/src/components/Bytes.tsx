import { formatBytes } from '../format/bytes.js';
import { formatNumber } from '../format/relative-time.js';

/** A byte count for people ("15.5 GB"), with the exact count in the tooltip. */
export function Bytes({ value }: { value: number | null | undefined }) {
  const text = formatBytes(value);
  if (value === null || value === undefined) return <span className="unknown">{text}</span>;
  return <span title={`${formatNumber(value)} bytes`}>{text}</span>;
}
