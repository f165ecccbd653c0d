import { FIX_TEXT, type FixAction, type FixRun } from '@deskside/protocol';
import { RelativeTime } from '../RelativeTime.js';
import { SafeText } from '../SafeText.js';
import { FIX_STATE_LABELS, formatFixBytes } from './fix-run-text.js';

/** The runs, newest first: what, state, who, when, the result and (folded) the output. */
export function FixRunList({ runs, actions, now }: { runs: readonly FixRun[]; actions: readonly FixAction[]; now: number }) {
  return (
    <ol className="fix-runs" aria-label="Fix runs">
      {runs.map((run) => {
        const state = FIX_STATE_LABELS[run.state];
        const params = paramText(run.params, actions.find((a) => a.id === run.action));
        const facts = [
          run.durationMs !== null ? `${(run.durationMs / 1000).toFixed(1)} s` : null,
          run.exitCode !== null ? `exit ${run.exitCode}` : null,
          run.bytesFreed !== null ? `${formatFixBytes(run.bytesFreed)} freed` : null,
        ].filter((f): f is string => f !== null);
        return (
          <li key={run.id} className="fix-run" data-testid="fix-run" data-state={run.state}>
            <div className="fix-run-head">
              <strong>{FIX_TEXT[run.action].title}</strong>
              <span className={`fix-state fix-state-${state.tone}`} data-testid="fix-run-state">
                <span aria-hidden="true">{state.mark} </span>
                {state.text}
              </span>
            </div>
            <div className="muted fix-run-meta">
              {params}
              {params ? ' · ' : ''}
              <SafeText value={run.requestedBy} /> · <RelativeTime value={run.updatedAt} now={now} />
              {facts.length > 0 ? ` · ${facts.join(' · ')}` : ''}
            </div>
            {run.message && (
              <p className="fix-run-message" data-testid="fix-run-message">
                <SafeText value={run.message} />
              </p>
            )}
            {run.output && (
              <details className="fix-run-output">
                <summary>Output</summary>
                <pre>{run.output}</pre>
              </details>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** "Older than (days): 1, Empty the recycle bin: no", with the catalogue's labels. */
function paramText(params: Record<string, unknown>, action: FixAction | undefined): string {
  return Object.entries(params)
    .map(([k, v]) => `${action?.params.find((p) => p.name === k)?.label ?? k}: ${typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v)}`)
    .join(', ');
}
