import { TicketCategorySchema, TicketStatusSchema, type DeviceSummary } from '@deskside/protocol';
import { TICKET_CATEGORY_LABELS, TICKET_STATUS_LABELS } from '../format/ticket-text.js';
import { revealControlsText } from '../format/reveal-controls.js';
import type { TicketFilter } from '../state/ticket-queue.js';

export interface TicketFiltersProps {
  filter: TicketFilter;
  onChange: (filter: TicketFilter) => void;
  /** Devices to filter by (from the live fleet), by hostname. */
  devices: readonly DeviceSummary[];
}

const ASSIGNEES = [
  ['all', 'Everyone'],
  ['me', 'Mine'],
  ['none', 'Unassigned'],
] as const;

/** Mine / unassigned, status, tier, category and device filters above the queue. */
export function TicketFilters({ filter, onChange, devices }: TicketFiltersProps) {
  const set = (patch: Partial<TicketFilter>) => onChange({ ...filter, ...patch });
  return (
    <form className="ticket-filters fleet-filters" role="search" aria-label="Filter tickets" onSubmit={(e) => e.preventDefault()}>
      <div className="segmented" role="group" aria-label="Assignee">
        {ASSIGNEES.map(([value, label]) => (
          <button
            key={value}
            type="button"
            className="button"
            aria-pressed={filter.assignee === value}
            data-testid={`ticket-filter-${value}`}
            onClick={() => set({ assignee: value })}
          >
            {label}
          </button>
        ))}
      </div>
      <div className="field">
        <label htmlFor="ticket-status-filter">Status</label>
        <select
          id="ticket-status-filter"
          data-testid="ticket-status-filter"
          value={filter.status}
          onChange={(e) => {
            const parsed = TicketStatusSchema.safeParse(e.target.value);
            set({ status: parsed.success ? parsed.data : 'active' });
          }}
        >
          <option value="active">Not closed</option>
          {TicketStatusSchema.options.map((s) => (
            <option key={s} value={s}>
              {TICKET_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="ticket-tier-filter">Tier</label>
        <select
          id="ticket-tier-filter"
          data-testid="ticket-tier-filter"
          value={filter.tier ?? ''}
          onChange={(e) => set({ tier: e.target.value === '1' ? 1 : e.target.value === '2' ? 2 : e.target.value === '3' ? 3 : null })}
        >
          <option value="">Any</option>
          <option value="1">Tier 1</option>
          <option value="2">Tier 2</option>
          <option value="3">Tier 3</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="ticket-category-filter">Category</label>
        <select
          id="ticket-category-filter"
          data-testid="ticket-category-filter"
          value={filter.category ?? ''}
          onChange={(e) => {
            const parsed = TicketCategorySchema.safeParse(e.target.value);
            set({ category: parsed.success ? parsed.data : null });
          }}
        >
          <option value="">Any</option>
          {TicketCategorySchema.options.map((c) => (
            <option key={c} value={c}>
              {TICKET_CATEGORY_LABELS[c]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="ticket-device-filter">Device</label>
        <select
          id="ticket-device-filter"
          data-testid="ticket-device-filter"
          value={filter.deviceId ?? ''}
          onChange={(e) => set({ deviceId: e.target.value === '' ? null : e.target.value })}
        >
          <option value="">Any</option>
          {/* An <option> is text only; hidden characters are made visible the same way SafeText does. */}
          {devices.map((d) => (
            <option key={d.id} value={d.id}>
              {revealControlsText(d.hostname)}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
