import type { HealthPoint } from '@deskside/protocol';
import { useId, useMemo, useState } from 'react';
import { healthLines, timeTicks, type HealthLines } from '../format/health-chart.js';
import { formatDateTime } from '../format/relative-time.js';

const WIDTH = 600;
const HEIGHT = 140;
const GRID = [0, 25, 50, 75, 100];
const HOUR = 3_600_000;

/** The time ranges offered; the hub keeps 24 h of samples. */
const RANGES = [
  { id: '1h', label: '1 h', ms: HOUR },
  { id: '6h', label: '6 h', ms: 6 * HOUR },
  { id: '24h', label: '24 h', ms: 24 * HOUR },
] as const;
type RangeId = (typeof RANGES)[number]['id'];

/** CPU %, memory %, disk % and (when samples carry it) Wi-Fi signal % over a chosen recent range: a plain SVG drawn by React, no chart library. */
export function HealthChart({ health }: { health: readonly HealthPoint[] }) {
  const titleId = useId();
  // The window ends at the latest sample, so a device that went quiet still shows its last hours.
  const [earliest, latest] = useMemo(() => timeSpan(health), [health]);
  // Start with the smallest range that holds every sample: a new device's few minutes fill the chart.
  const [rangeId, setRangeId] = useState<RangeId>(() => (RANGES.find((r) => r.ms >= latest - earliest) ?? RANGES[2]).id);
  const range = RANGES.find((r) => r.id === rangeId) ?? RANGES[1];
  const window = { from: latest - range.ms, to: latest };
  const lines = healthLines(health, { width: WIDTH, height: HEIGHT }, window);

  if (latest === 0) return <p className="muted">No health samples yet.</p>;
  const ticks = timeTicks(window.from, window.to, 6);
  const summary = summaryText(lines, range.label);
  return (
    <figure className="health-chart" data-testid="health-chart">
      <div className="chart-toolbar">
        <ul className="chart-legend">
          <LegendItem kind="cpu" name="CPU" value={lines.lastCpu} />
          <LegendItem kind="memory" name="Memory" value={lines.lastMemory} />
          <LegendItem kind="disk" name="Disk" value={lines.lastDisk} />
          {lines.wifi.length > 0 && <LegendItem kind="wifi" name="Wi-Fi signal" value={lines.lastWifi} />}
        </ul>
        <div className="chart-ranges" role="group" aria-label="Time range">
          {RANGES.map((r) => (
            <button
              key={r.id}
              type="button"
              className="button button-small"
              aria-pressed={r.id === rangeId}
              data-testid="health-range"
              onClick={() => setRangeId(r.id)}
            >
              {r.label}
            </button>
          ))}
        </div>
      </div>
      <div className="chart-body">
        <div className="chart-axis" aria-hidden="true">
          <span>100 %</span>
          <span>50 %</span>
          <span>0 %</span>
        </div>
        <div className="chart-plot">
          <svg className="chart-svg" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" role="img" aria-labelledby={titleId}>
            <title id={titleId}>{summary}</title>
            {GRID.map((percent) => {
              const y = HEIGHT - (percent / 100) * HEIGHT;
              return <line key={percent} className="chart-grid" x1={0} x2={WIDTH} y1={y} y2={y} />;
            })}
            {ticks.map((tick) => (
              <line key={tick.position} className="chart-grid" x1={tick.position * WIDTH} x2={tick.position * WIDTH} y1={0} y2={HEIGHT} />
            ))}
            {lines.wifi.map((points, index) => (
              <polyline key={index} className="chart-line chart-wifi" points={points} data-testid="health-wifi-line" />
            ))}
            <polyline className="chart-line chart-disk" points={lines.disk} />
            <polyline className="chart-line chart-memory" points={lines.memory} />
            <polyline className="chart-line chart-cpu" points={lines.cpu} />
            {/* Zero-length round-capped lines: dots that stay round however the chart is stretched. */}
            {lines.wifiEnd && <ChartDot className="chart-wifi" x={lines.wifiEnd.x} y={lines.wifiEnd.y} />}
            {lines.diskEnd && <ChartDot className="chart-disk" x={lines.diskEnd.x} y={lines.diskEnd.y} />}
            {lines.memoryEnd && <ChartDot className="chart-memory" x={lines.memoryEnd.x} y={lines.memoryEnd.y} />}
            {lines.cpuEnd && <ChartDot className="chart-cpu" x={lines.cpuEnd.x} y={lines.cpuEnd.y} />}
          </svg>
          <div className="chart-time-axis" aria-hidden="true">
            {ticks.map((tick) => (
              <span key={tick.position} style={{ left: `${(tick.position * 100).toFixed(2)}%` }}>
                {tick.label}
              </span>
            ))}
          </div>
        </div>
      </div>
      <figcaption className="chart-caption" data-testid="health-summary">
        {summary}. {formatDateTime(new Date(window.from).toISOString())} – {formatDateTime(new Date(window.to).toISOString())}.
      </figcaption>
    </figure>
  );
}

function LegendItem({ kind, name, value }: { kind: string; name: string; value: number | null }) {
  return (
    <li className={`legend-${kind}`}>
      <span className="legend-swatch" aria-hidden="true" />
      {name} {value === null ? '—' : `${value.toFixed(0)} %`}
    </li>
  );
}

/** The chart in words, for screen readers and for anyone who prefers numbers. */
function summaryText(lines: HealthLines, rangeLabel: string): string {
  if (lines.count === 0) return `No samples in the last ${rangeLabel} of data`;
  const parts = [`CPU ${fmt(lines.lastCpu)}`, `memory ${fmt(lines.lastMemory)}`];
  if (lines.lastDisk !== null) parts.push(`disk ${fmt(lines.lastDisk)} used`);
  if (lines.wifi.length > 0) parts.push(lines.lastWifi === null ? 'no Wi-Fi link' : `Wi-Fi signal ${fmt(lines.lastWifi)}`);
  return `Latest: ${parts.join(', ')}; ${lines.count} sample${lines.count === 1 ? '' : 's'} over ${rangeLabel}`;
}

/** The first and last sample times, epoch ms; [0, 0] with none. */
function timeSpan(health: readonly HealthPoint[]): [number, number] {
  let first = Infinity;
  let last = 0;
  for (const point of health) {
    const at = Date.parse(point.at);
    if (Number.isNaN(at)) continue;
    first = Math.min(first, at);
    last = Math.max(last, at);
  }
  return last === 0 ? [0, 0] : [first, last];
}

function fmt(value: number | null): string {
  return value === null ? 'unknown' : `${value.toFixed(0)} %`;
}

function ChartDot({ className, x, y }: { className: string; x: number; y: number }) {
  return <line className={`chart-dot ${className}`} x1={x} y1={y} x2={x} y2={y} />;
}
