import type { HealthPoint } from '@deskside/protocol';
import { useId } from 'react';
import { healthLines } from '../format/health-chart.js';
import { formatDateTime } from '../format/relative-time.js';

const WIDTH = 600;
const HEIGHT = 140;
const GRID = [0, 25, 50, 75, 100];

/** CPU % and memory % over the recent samples: a plain SVG drawn by React, no chart library. */
export function HealthChart({ health }: { health: readonly HealthPoint[] }) {
  const titleId = useId();
  const lines = healthLines(health, { width: WIDTH, height: HEIGHT });
  if (lines.from === null || lines.to === null) return <p className="muted">No health samples yet.</p>;
  const summary =
    `CPU ${lines.lastCpu?.toFixed(0) ?? '—'} %, memory ${lines.lastMemory?.toFixed(0) ?? '—'} % ` +
    `at the latest of ${health.length} samples`;
  return (
    <figure className="health-chart">
      <ul className="chart-legend">
        <li className="legend-cpu">
          <span className="legend-swatch" aria-hidden="true" />
          CPU {lines.lastCpu === null ? '—' : `${lines.lastCpu.toFixed(0)} %`}
        </li>
        <li className="legend-memory">
          <span className="legend-swatch" aria-hidden="true" />
          Memory {lines.lastMemory === null ? '—' : `${lines.lastMemory.toFixed(0)} %`}
        </li>
      </ul>
      <div className="chart-body">
        <div className="chart-axis" aria-hidden="true">
          <span>100 %</span>
          <span>50 %</span>
          <span>0 %</span>
        </div>
        <svg
          className="chart-svg"
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          preserveAspectRatio="none"
          role="img"
          aria-labelledby={titleId}
        >
          <title id={titleId}>{summary}</title>
          {GRID.map((percent) => {
            const y = HEIGHT - (percent / 100) * HEIGHT;
            return <line key={percent} className="chart-grid" x1={0} x2={WIDTH} y1={y} y2={y} />;
          })}
          <polyline className="chart-line chart-memory" points={lines.memory} />
          <polyline className="chart-line chart-cpu" points={lines.cpu} />
          {/* Zero-length round-capped lines: dots that stay round however the chart is stretched. */}
          {lines.memoryEnd && <ChartDot className="chart-memory" x={lines.memoryEnd.x} y={lines.memoryEnd.y} />}
          {lines.cpuEnd && <ChartDot className="chart-cpu" x={lines.cpuEnd.x} y={lines.cpuEnd.y} />}
        </svg>
      </div>
      <figcaption className="chart-caption">
        {formatDateTime(new Date(lines.from).toISOString())} – {formatDateTime(new Date(lines.to).toISOString())}
      </figcaption>
    </figure>
  );
}

function ChartDot({ className, x, y }: { className: string; x: number; y: number }) {
  return <line className={`chart-dot ${className}`} x1={x} y1={y} x2={x} y2={y} />;
}
