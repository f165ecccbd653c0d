import type { DeviceChange, SameAssetCandidate } from '@deskside/protocol';
import { formatDateTime } from '../../format/relative-time.js';
import { SafeText } from '../SafeText.js';

export interface ChangesPanelProps {
  changes: readonly DeviceChange[];
  /** An older record that is probably this PC (reinstalled): shown so a technician can merge it. */
  candidate?: SameAssetCandidate | null | undefined;
  mergedIntoId?: string | null | undefined;
}

const KIND: Record<DeviceChange['kind'], string> = { added: 'Added', removed: 'Removed', changed: 'Changed', upgraded: 'Upgraded', downgraded: 'Downgraded', merged: 'Merged' };

/** The device's change history ("Memory 16 GB → 8 GB"), newest first; every summary is agent-derived text. */
export function ChangesPanel({ changes, candidate, mergedIntoId }: ChangesPanelProps) {
  return (
    <section className="panel" aria-labelledby="changes-title" data-testid="changes-panel">
      <h2 id="changes-title">Changes</h2>
      {mergedIntoId && (
        <p className="notice" data-testid="merged-into">
          This record was merged into <a href={`#/devices/${encodeURIComponent(mergedIntoId)}`}>another device</a>.
        </p>
      )}
      {candidate && (
        <p className="notice" data-testid="same-asset-candidate">
          Probably the same PC as <a href={`#/devices/${encodeURIComponent(candidate.deviceId)}`}><SafeText value={candidate.hostname} /></a>, enrolled{' '}
          {formatDateTime(candidate.enrolledAt)} (same {candidate.matchedOn.join(', ')}). A technician can merge the old record into this one
          (POST /api/v1/devices/{'{old id}'}/merge).
        </p>
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
