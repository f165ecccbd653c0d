import type { DeviceChange, DeviceMergeResponse, SameAssetCandidate } from '@deskside/protocol';
import { formatDateTime } from '../../format/relative-time.js';
import { SafeText } from '../SafeText.js';
import { SameAssetMerge, SameAssetMergeView } from './SameAssetMerge.js';

export interface ChangesPanelProps {
  changes: readonly DeviceChange[];
  /** An older record that is probably this PC (reinstalled): shown so a technician can merge it. */
  candidate?: SameAssetCandidate | null | undefined;
  mergedIntoId?: string | null | undefined;
  /** Lets a technician merge the candidate into this device; absent: the notice only. */
  merge?: {
    deviceId: string;
    hasInventory: boolean;
    call: (oldId: string, intoId: string) => Promise<DeviceMergeResponse>;
    onMerged: () => void;
  };
}

const KIND: Record<DeviceChange['kind'], string> = { added: 'Added', removed: 'Removed', changed: 'Changed', upgraded: 'Upgraded', downgraded: 'Downgraded', merged: 'Merged' };

/** The device's change history ("Memory 16 GB → 8 GB"), newest first; every summary is agent-derived text. */
export function ChangesPanel({ changes, candidate, mergedIntoId, merge }: ChangesPanelProps) {
  return (
    <section className="panel" aria-labelledby="changes-title" data-testid="changes-panel">
      <h2 id="changes-title">Changes</h2>
      {mergedIntoId && (
        <p className="notice" data-testid="merged-into">
          This record was merged into <a href={`#/devices/${encodeURIComponent(mergedIntoId)}`}>another device</a>.
        </p>
      )}
      {merge ? (
        <SameAssetMerge key={merge.deviceId} deviceId={merge.deviceId} candidate={candidate} hasInventory={merge.hasInventory} merge={merge.call} onMerged={merge.onMerged} />
      ) : (
        <SameAssetMergeView candidate={candidate} hasInventory phase={{ kind: 'idle' }} />
      )}
      {changes.length === 0 ? (
        <p className="muted">No changes recorded yet. Changes appear when a later inventory differs from the one before.</p>
      ) : (
        <ol className="change-list">
          {changes.map((c) => (
            <li key={c.id} data-section={c.section} data-kind={c.kind}>
              <time dateTime={c.at}>{formatDateTime(c.at)}</time> <span className={`change-kind change-${c.kind}`}>{KIND[c.kind]}</span>{' '}
              <SafeText value={c.summary} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
