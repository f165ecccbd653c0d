/**
 * The quality bars of DESIGN.md that one bench run can check. A bar set for a larger fleet than
 * the run's is still printed, with the fleet it was set for, so a pass at 2,000 agents is not
 * read as a pass at 10,000.
 */
export interface Bar {
  label: string;
  /** The measured figure; null when it could not be measured (which fails the bar). */
  value: number | null;
  limit: number;
  /** `max`: the figure must not exceed the limit; `min`: it must reach it. */
  kind: 'max' | 'min';
  unit: string;
  /** The fleet size the bar is set for, when the design names one. */
  atAgents?: number;
}

export type Verdict = 'PASS' | 'FAIL';

export function verdict(bar: Bar): Verdict {
  if (bar.value === null || !Number.isFinite(bar.value)) return 'FAIL';
  return (bar.kind === 'max' ? bar.value <= bar.limit : bar.value >= bar.limit) ? 'PASS' : 'FAIL';
}

/** One line: `PASS  alert → console p99   62.1 ms ≤ 100 ms (bar set at 10,000 agents; this run 2,000)`. */
export function formatBar(bar: Bar, agents: number): string {
  const value = bar.value === null || !Number.isFinite(bar.value) ? 'not measured' : `${bar.value}${bar.unit}`;
  const scale = bar.atAgents !== undefined && bar.atAgents !== agents ? ` (bar set at ${fmt(bar.atAgents)} agents; this run ${fmt(agents)})` : '';
  return `${verdict(bar)}  ${bar.label.padEnd(26)} ${value} ${bar.kind === 'max' ? '≤' : '≥'} ${bar.limit}${bar.unit}${scale}`;
}

export interface BarFigures {
  ackP99Ms: number | null;
  hubRssBytesPerAgent: number | null;
  ratioToBaseline: number | null;
  alertToConsoleP99Ms: number | null;
}

/** The bars of DESIGN.md's "Quality bars" that this bench measures. */
export function designBars(figures: BarFigures, opts: { alertsMeasured: boolean }): Bar[] {
  const bars: Bar[] = [
    { label: 'heartbeat ack p99', value: figures.ackP99Ms, limit: 50, kind: 'max', unit: ' ms', atAgents: 50_000 },
    { label: 'hub memory per agent', value: figures.hubRssBytesPerAgent, limit: 40 * 1024, kind: 'max', unit: ' B', atAgents: 50_000 },
    { label: 'throughput ratio to echo', value: figures.ratioToBaseline, limit: 0.6, kind: 'min', unit: '' },
  ];
  if (opts.alertsMeasured) {
    bars.push({ label: 'alert → console p99', value: figures.alertToConsoleP99Ms, limit: 100, kind: 'max', unit: ' ms', atAgents: 10_000 });
  }
  return bars;
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}
