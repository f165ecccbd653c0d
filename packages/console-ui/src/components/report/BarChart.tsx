export interface BarSeries {
  name: string;
  /** A CSS class giving the bars their colour (`bar-opened`, `bar-resolved`). */
  className: string;
}

export interface BarChartProps {
  title: string;
  /** One row per category; `values` line up with `series`. */
  rows: ReadonlyArray<{ label: string; values: readonly number[] }>;
  series: readonly BarSeries[];
  testId?: string;
}

const ROW = 22;
const BAR = 8;
const LABEL_W = 96;
const CHART_W = 190;
const VALUE_W = 36;

/** Horizontal grouped bars in plain SVG; labels are React text (never markup), so hostile names stay inert. */
export function BarChart({ title, rows, series, testId }: BarChartProps) {
  const max = Math.max(1, ...rows.flatMap((r) => r.values));
  const height = Math.max(1, rows.length) * (ROW + BAR * (series.length - 1)) + 8;
  const rowH = ROW + BAR * (series.length - 1);
  return (
    <figure className="report-chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <div className="report-legend">
        {series.map((s) => (
          <span key={s.name} className="report-legend-item">
            <svg width="10" height="10" aria-hidden="true"><rect width="10" height="10" className={s.className} /></svg>
            {s.name}
          </span>
        ))}
      </div>
      {rows.length === 0 ? (
        <p className="muted">Nothing in this period.</p>
      ) : (
        <svg role="img" aria-label={title} viewBox={`0 0 ${LABEL_W + CHART_W + VALUE_W} ${height}`} width={LABEL_W + CHART_W + VALUE_W} height={height} className="report-svg">
          {rows.map((row, i) => (
            <g key={row.label} transform={`translate(0 ${4 + i * rowH})`}>
              <text x={LABEL_W - 6} y={rowH / 2} textAnchor="end" dominantBaseline="middle" className="chart-label">
                {row.label.length > 18 ? `${row.label.slice(0, 17)}…` : row.label}
              </text>
              {row.values.map((v, j) => {
                const w = (v / max) * CHART_W;
                const y = 3 + j * BAR;
                return (
                  <g key={series[j]?.name ?? j}>
                    <rect x={LABEL_W} y={y} width={Math.max(v > 0 ? 1 : 0, w)} height={BAR - 1} className={series[j]?.className}>
                      <title>{`${row.label} — ${series[j]?.name ?? ''}: ${v}`}</title>
                    </rect>
                    <text x={LABEL_W + w + 4} y={y + BAR / 2} dominantBaseline="middle" className="chart-value">{v}</text>
                  </g>
                );
              })}
            </g>
          ))}
        </svg>
      )}
    </figure>
  );
}
