export interface LineChartProps {
  title: string;
  points: ReadonlyArray<{ label: string; value: number }>;
  testId?: string;
}

const W = 720;
const H = 170;
const PAD = { left: 36, right: 12, top: 12, bottom: 28 };

/** One line over labelled points (the backlog at the end of each day), in plain SVG with a 0-based axis. */
export function LineChart({ title, points, testId }: LineChartProps) {
  const max = Math.max(1, ...points.map((p) => p.value));
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (points.length <= 1 ? innerW / 2 : (i / (points.length - 1)) * innerW);
  const y = (v: number) => PAD.top + innerH - (v / max) * innerH;
  const ticks = [0, Math.round(max / 2), max].filter((v, i, all) => all.indexOf(v) === i);
  // At most ~8 date labels, evenly spaced, so a month stays readable.
  const every = Math.max(1, Math.ceil(points.length / 8));
  // The first and last labels sit inside the plot's edges instead of being cut by them.
  const anchor = (i: number) => (points.length > 1 && i === 0 ? 'start' : points.length > 1 && i === points.length - 1 ? 'end' : 'middle');
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  return (
    <figure className="report-chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      {points.length === 0 ? (
        <p className="muted">Nothing in this period yet.</p>
      ) : (
        <svg role="img" aria-label={title} viewBox={`0 0 ${W} ${H}`} width={W} height={H} className="report-svg">
          {ticks.map((t) => (
            <g key={t}>
              <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} className="chart-grid-line" />
              <text x={PAD.left - 6} y={y(t)} textAnchor="end" dominantBaseline="middle" className="chart-value">{t}</text>
            </g>
          ))}
          <path d={path} className="chart-backlog-line" fill="none" />
          {points.map((p, i) => (
            <circle key={p.label} cx={x(i)} cy={y(p.value)} r={3} className="chart-backlog-dot">
              <title>{`${p.label}: ${p.value}`}</title>
            </circle>
          ))}
          {points.map((p, i) =>
            i % every === 0 || i === points.length - 1 ? (
              <text key={p.label} x={x(i)} y={H - 8} textAnchor={anchor(i)} className="chart-label">{p.label.slice(5)}</text>
            ) : null,
          )}
        </svg>
      )}
    </figure>
  );
}
