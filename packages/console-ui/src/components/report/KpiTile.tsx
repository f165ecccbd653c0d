export interface KpiTileProps {
  label: string;
  value: string;
  /** A second line (business time, counts). */
  detail?: string;
  testId?: string;
}

/** One headline figure of a report. */
export function KpiTile({ label, value, detail, testId }: KpiTileProps) {
  return (
    <div className="kpi-tile" data-testid={testId}>
      <div className="kpi-label">{label}</div>
      <div className="kpi-value" data-testid={testId ? `${testId}-value` : undefined}>{value}</div>
      {detail && <div className="kpi-detail muted">{detail}</div>}
    </div>
  );
}
