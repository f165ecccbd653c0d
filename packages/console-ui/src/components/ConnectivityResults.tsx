import type { ConnectivityCheck } from '@deskside/protocol';
import { SafeText } from './SafeText.js';
import { connectivityLines } from '../format/diagnostics.js';

const MARK = { ok: '✓', failed: '✗', unknown: '?' } as const;
const WORD = { ok: 'passed', failed: 'failed', unknown: 'not checked' } as const;

/** The connectivity check as a checklist, then the adapters and the agent's own findings. */
export function ConnectivityResults({ check }: { check: ConnectivityCheck }) {
  return (
    <div className="connectivity" data-testid="ticket-connectivity">
      <ul className="check-list">
        {connectivityLines(check).map((line) => (
          <li key={line.label} className={`check-${line.result}`} data-result={line.result}>
            <span className="check-mark" aria-hidden="true">
              {MARK[line.result]}
            </span>
            {line.label} <span className="visually-hidden">{WORD[line.result]}</span>
            {line.detail !== null && (
              <>
                {' '}
                <SafeText className="muted mono" value={line.detail} />
              </>
            )}
          </li>
        ))}
      </ul>
      {check.adapters.length > 0 && (
        <ul className="adapter-list">
          {check.adapters.map((a, i) => (
            <li key={i}>
              <SafeText value={a.name} />: <SafeText className="mono" value={[...a.ipv4, ...a.ipv6].join(', ')} fallback="no address" />
              {a.dhcp !== null && <span className="muted"> ({a.dhcp ? 'DHCP' : 'static'})</span>}
            </li>
          ))}
        </ul>
      )}
      {check.notes.length > 0 && (
        <ul className="check-notes">
          {check.notes.map((note, i) => (
            <li key={i}>
              <SafeText value={note} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
