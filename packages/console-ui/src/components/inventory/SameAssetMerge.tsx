import type { DeviceMergeResponse, SameAssetCandidate } from '@deskside/protocol';
import { useState } from 'react';
import { ApiError } from '../../api/api-error.js';
import { formatDateTime } from '../../format/relative-time.js';
import { SafeText } from '../SafeText.js';

/** Where the merge of a same-PC candidate stands. */
export type MergePhase =
  | { kind: 'idle' }
  | { kind: 'confirming' }
  | { kind: 'merging' }
  | { kind: 'done'; result: DeviceMergeResponse; hostname: string }
  | { kind: 'failed'; message: string };

export interface SameAssetMergeViewProps {
  candidate: SameAssetCandidate | null | undefined;
  /** Whether this record already has an inventory (if not, the old record's moves here). */
  hasInventory: boolean;
  phase: MergePhase;
  /** Absent: the notice only, no button (read-only views). */
  onAsk?: (() => void) | undefined;
  onConfirm?: () => void;
  onCancel?: () => void;
}

/** Why a merge failed, in words a technician can act on. */
export function mergeErrorMessage(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.code === 'forbidden') return 'You may not merge device records.';
    if (err.code === 'conflict' || err.code === 'not_found') return `The hub refused the merge: ${err.message}`;
    if (err.code === 'network') return err.message;
  }
  return 'The merge failed. Reload the device and try again.';
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/**
 * The "probably the same PC" notice and its irreversible merge: a first click asks, the confirmation
 * says what moves and that the old record is revoked, and the hub's answer is shown either way.
 */
export function SameAssetMergeView({ candidate, hasInventory, phase, onAsk, onConfirm, onCancel }: SameAssetMergeViewProps) {
  if (phase.kind === 'done') {
    const { result } = phase;
    return (
      <p className="notice" role="status" data-testid="merge-done">
        Merged <SafeText value={phase.hostname} /> into this device: moved {plural(result.movedChanges, 'change')}, {plural(result.movedHealthSamples, 'health sample')}
        {result.movedHealthRollups ? `, ${plural(result.movedHealthRollups, 'hour')} of health history` : ''}
        {result.movedInventory ? ' and its inventory' : ''}. The old record is revoked.
      </p>
    );
  }
  if (!candidate) return null;
  const busy = phase.kind === 'merging';
  return (
    <div className="notice" data-testid="same-asset-candidate">
      <p>
        Probably the same PC as <a href={`#/devices/${encodeURIComponent(candidate.deviceId)}`}><SafeText value={candidate.hostname} /></a>, enrolled{' '}
        {formatDateTime(candidate.enrolledAt)} (same {candidate.matchedOn.join(', ')}), for example after a reinstall.
      </p>
      {!onAsk && <p className="muted">An administrator can merge the old record into this one.</p>}
      {onAsk && phase.kind !== 'confirming' && !busy && (
        <button type="button" className="button" data-testid="merge-candidate" onClick={onAsk}>
          Merge the old record into this one
        </button>
      )}
      {(phase.kind === 'confirming' || busy) && (
        <div role="alertdialog" aria-labelledby="merge-confirm-text" data-testid="merge-confirmation">
          <p id="merge-confirm-text">
            This cannot be undone. The change history and health samples of <SafeText value={candidate.hostname} /> move to this device
            {hasInventory ? '' : ', and so does its inventory (this record has none yet)'}. The old record is then revoked and marked as merged into this
            one; its agent can no longer connect.
          </p>
          <button type="button" className="button button-primary" data-testid="merge-confirm" disabled={busy} onClick={onConfirm}>
            {busy ? 'Merging…' : 'Merge and revoke the old record'}
          </button>{' '}
          <button type="button" className="button" disabled={busy} onClick={onCancel}>
            Cancel
          </button>
        </div>
      )}
      {phase.kind === 'failed' && (
        <p className="form-error" role="alert" data-testid="merge-error">
          {phase.message}
        </p>
      )}
    </div>
  );
}

export interface SameAssetMergeProps {
  /** This device (the record the old one is merged into). */
  deviceId: string;
  candidate: SameAssetCandidate | null | undefined;
  hasInventory: boolean;
  /** The HTTP call: folds `oldId` into `intoId`. */
  merge: (oldId: string, intoId: string) => Promise<DeviceMergeResponse>;
  /** Called after a successful merge (the page reloads the device). */
  onMerged: () => void;
  initialPhase?: MergePhase;
}

/** {@link SameAssetMergeView} with its state: ask, confirm, call the hub, report, reload. */
export function SameAssetMerge({ deviceId, candidate, hasInventory, merge, onMerged, initialPhase }: SameAssetMergeProps) {
  const [phase, setPhase] = useState<MergePhase>(initialPhase ?? { kind: 'idle' });
  const confirm = () => {
    if (!candidate) return;
    setPhase({ kind: 'merging' });
    merge(candidate.deviceId, deviceId).then(
      (result) => {
        setPhase({ kind: 'done', result, hostname: candidate.hostname });
        onMerged();
      },
      (err: unknown) => setPhase({ kind: 'failed', message: mergeErrorMessage(err) }),
    );
  };
  return (
    <SameAssetMergeView
      candidate={candidate}
      hasInventory={hasInventory}
      phase={phase}
      onAsk={() => setPhase({ kind: 'confirming' })}
      onConfirm={confirm}
      onCancel={() => setPhase({ kind: 'idle' })}
    />
  );
}
