import type { FixRunState } from '@deskside/protocol';

/** A run's state in words, with a shape so colour is never the only sign. */
export const FIX_STATE_LABELS: Readonly<Record<FixRunState, { text: string; mark: string; tone: 'active' | 'ok' | 'bad' | 'neutral' }>> = {
  requested: { text: 'Sent to the device', mark: '…', tone: 'active' },
  'awaiting-consent': { text: 'Waiting for the employee', mark: '…', tone: 'active' },
  running: { text: 'Running', mark: '▶', tone: 'active' },
  succeeded: { text: 'Succeeded', mark: '✓', tone: 'ok' },
  failed: { text: 'Failed', mark: '✕', tone: 'bad' },
  'timed-out': { text: 'Timed out', mark: '✕', tone: 'bad' },
  refused: { text: 'Refused by the agent', mark: '⊘', tone: 'bad' },
  declined: { text: 'Declined by the employee', mark: '–', tone: 'neutral' },
  deferred: { text: 'Put off by the employee', mark: '–', tone: 'neutral' },
  expired: { text: 'Expired', mark: '–', tone: 'neutral' },
};

/** States in which a run may still change: the panel keeps asking the hub. */
export const ACTIVE_FIX_STATES: ReadonlySet<FixRunState> = new Set(['requested', 'awaiting-consent', 'running']);

export { formatFixBytes } from '@deskside/protocol';
