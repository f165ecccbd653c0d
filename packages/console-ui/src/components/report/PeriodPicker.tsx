import { PERIOD_PRESETS, type LocalPeriod, type PeriodPreset } from '../../format/report-period.js';

export interface PeriodPickerProps {
  preset: PeriodPreset;
  period: LocalPeriod;
  timeZone: string;
  onPreset: (preset: PeriodPreset) => void;
  onCustom: (period: LocalPeriod) => void;
}

/** Preset buttons (this/last week, this/last month) and two date fields for a custom period. */
export function PeriodPicker({ preset, period, timeZone, onPreset, onCustom }: PeriodPickerProps) {
  return (
    <div className="period-picker no-print" role="group" aria-label="Period">
      <div className="chart-ranges">
        {PERIOD_PRESETS.map((p) => (
          <button key={p.id} type="button" className="button button-small" aria-pressed={preset === p.id} data-testid={`preset-${p.id}`} onClick={() => onPreset(p.id)}>
            {p.label}
          </button>
        ))}
      </div>
      {preset === 'custom' && (
        <span className="period-custom">
          <label>
            From <input type="date" value={period.from} max={period.to} data-testid="period-from" onChange={(e) => e.target.value && onCustom({ ...period, from: e.target.value })} />
          </label>
          <label>
            To <input type="date" value={period.to} min={period.from} data-testid="period-to" onChange={(e) => e.target.value && onCustom({ ...period, to: e.target.value })} />
          </label>
        </span>
      )}
      <span className="muted period-zone">Days in {timeZone}</span>
    </div>
  );
}
