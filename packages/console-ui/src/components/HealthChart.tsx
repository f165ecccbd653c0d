import type { HealthPoint } from '@deskside/protocol';
import { useId, useMemo, useState } from 'react';
import { healthLines, timeTicks, type ChartWindow, type HealthLines } from '../format/health-chart.js';
import { cpuPeakBand, HOURLY_RANGES, hourRuns, hourlySummary, peakCpu, SAMPLE_RANGES, type HealthRange } from '../format/health-hourly.js';
import { formatDateTime } from '../format/relative-time.js';
import { useHourlyHealth, type LoadHourly } from '../state/use-hourly-health.js';
import { HealthHistoryStatus } from './HealthHistoryStatus.js';

const WIDTH = 600;
const HEIGHT = 140;
const GRID = [0, 25, 50, 75, 100];
const DAY_RANGE: HealthRange = { id: '24h', label: '24 h', ms: 24 * 3_600_000, source: 'samples' };

export interface HealthChartProps {
  /** Recent samples (the device detail's last 24 h, or a diagnostics bundle's). */
  health: readonly HealthPoint[];
  /** Loads the device's hours: offers the 7- and 30-day ranges when given. */
  loadHourly?: LoadHourly;
}

/**
 * CPU %, memory %, disk % and (when samples carry it) Wi-Fi signal % over a chosen range: a plain
 * SVG drawn by React, no chart library. Hourly ranges draw each hour's averages, with a faint band
 * up to the hour's CPU peak (a 30-day average line alone would hide the spikes people look for).
 */
export function HealthChart({ health, loadHourly }: HealthChartProps) {
  const titleId = useId();
  const ranges = loadHourly ? [...SAMPLE_RANGES, ...HOURLY_RANGES] : SAMPLE_RANGES;
  // The window ends at the latest sample, so a device that went quiet still shows its last hours.
  const [earliest, latest] = useMemo(() => timeSpan(health), [health]);
  // Start with the smallest range that holds every sample: a new device's few minutes fill the chart.
  const [rangeId, setRangeId] = useState<string>(() => (latest === 0 ? DAY_RANGE : (SAMPLE_RANGES.find((r) => r.ms >= latest - earliest) ?? DAY_RANGE)).id);
  const range = ranges.find((r) => r.id === rangeId) ?? DAY_RANGE;
  const hourly = useHourlyHealth(loadHourly, range);
  const hours = hourly.state.kind === 'loaded' ? hourly.state.hours : [];
  const window: ChartWindow = hourly.state.kind === 'idle' ? { from: latest - range.ms, to: latest } : hourly.state.window;
  const geometry = { width: WIDTH, height: HEIGHT };
  // Samples draw as one stretch; hours as runs broken where an hour is missing.
  const hourlyRuns = range.source === 'hourly' ? hourRuns(hours) : [];
  const runs: readonly (readonly HealthPoint[])[] = range.source === 'hourly' ? hourlyRuns : [health];
  const runLines = runs.map((run) => healthLines(run, geometry, window));
  const bands = hourlyRuns.map((run) => cpuPeakBand(run, geometry, window));
  // The legend and summary speak of the latest run, and count every point drawn.
  const latestLines = runLines[runLines.length - 1] ?? healthLines([], geometry, window);
  const lines: HealthLines = { ...latestLines, count: runLines.reduce((sum, l) => sum + l.count, 0), wifi: runLines.flatMap((l) => l.wifi) };
  const peak = range.source === 'hourly' ? peakCpu(hours) : null;

  if (latest === 0 && !loadHourly) return <p className="muted">No health samples yet.</p>;
  // No samples and a sample range: no window to label.
  const ticks = window.to > 0 ? timeTicks(window.from, window.to, 6) : [];
  const summary = range.source === 'hourly' ? hourlySummary(hourly.state.kind, lines, peak, range.label) : summaryText(lines, range.label);
  return (
    <figure className="health-chart" data-testid="health-chart" data-range={range.id} data-state={hourly.state.kind === 'idle' ? 'loaded' : hourly.state.kind}>
      <div className="chart-toolbar">
        <ul className="chart-legend">
          <LegendItem kind="cpu" name="CPU" value={lines.lastCpu} />
          {range.source === 'hourly' && <LegendItem kind="cpu-peak" name="CPU peak" value={peak} />}
          <LegendItem kind="memory" name="Memory" value={lines.lastMemory} />
          <LegendItem kind="disk" name="Disk" value={lines.lastDisk} />
          {lines.wifi.length > 0 && <LegendItem kind="wifi" name="Wi-Fi signal" value={lines.lastWifi} />}
        </ul>
        <div className="chart-ranges" role="group" aria-label="Time range">
          {ranges.map((r) => (
            <button
              key={r.id}
              type="button"
              className="button button-small"
              aria-pressed={r.id === range.id}
              data-testid="health-range"
              data-range={r.id}
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
            {bands.map((band, index) => band !== '' && <polygon key={index} className="chart-band chart-cpu-band" points={band} data-testid="health-cpu-band" />)}
            {runLines.map((run, index) => (
              <ChartLines key={index} lines={run} />
            ))}
            {/* Zero-length round-capped lines: dots that stay round however the chart is stretched. */}
            {lines.wifiEnd && <ChartDot className="chart-wifi" x={lines.wifiEnd.x} y={lines.wifiEnd.y} />}
            {lines.diskEnd && <ChartDot className="chart-disk" x={lines.diskEnd.x} y={lines.diskEnd.y} />}
            {lines.memoryEnd && <ChartDot className="chart-memory" x={lines.memoryEnd.x} y={lines.memoryEnd.y} />}
            {lines.cpuEnd && <ChartDot className="chart-cpu" x={lines.cpuEnd.x} y={lines.cpuEnd.y} />}
          </svg>
          <HealthHistoryStatus state={hourly.state} label={range.label} retry={hourly.retry} />
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
        {summary}.{window.to > 0 && ` ${formatDateTime(new Date(window.from).toISOString())} – ${formatDateTime(new Date(window.to).toISOString())}.`}
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

/** One stretch of lines: Wi-Fi (itself broken where the link dropped), disk, memory, CPU on top. */
function ChartLines({ lines }: { lines: HealthLines }) {
  return (
    <>
      {lines.wifi.map((points, index) => (
        <polyline key={index} className="chart-line chart-wifi" points={points} data-testid="health-wifi-line" />
      ))}
      <polyline className="chart-line chart-disk" points={lines.disk} />
      <polyline className="chart-line chart-memory" points={lines.memory} />
      <polyline className="chart-line chart-cpu" points={lines.cpu} />
    </>
  );
}

function ChartDot({ className, x, y }: { className: string; x: number; y: number }) {
  return <line className={`chart-dot ${className}`} x1={x} y1={y} x2={x} y2={y} />;
}
