import { formatBytes } from '../format/bytes.js';

/** A byte count for people ("15.5 GB"), with the exact count in the tooltip. */
export function Bytes({ value }: { value: number | null | undefined }) {
  const text = formatBytes(value);
  if (value === null || value === undefined) return <span className="unknown">{text}</span>;
  return <span title={`${value.toLocaleString('en')} bytes`}>{text}</span>;
}
