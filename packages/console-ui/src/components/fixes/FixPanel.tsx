import type { FixAction, FixActionId, FixRun } from '@deskside/protocol';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../api/api-error.js';
import type { FixesApi } from '../../api/fixes-api.js';
import { FixRequestForm } from './FixRequestForm.js';
import { FixRunList } from './FixRunList.js';
import { ACTIVE_FIX_STATES } from './fix-run-text.js';

export interface FixPanelProps {
  api: FixesApi;
  deviceId: string;
  /** On a ticket page: the runs of this ticket, and new ones are tied to it. */
  ticketId?: string;
  /** The device's live presence: a fix can only be asked of an online device. */
  online: boolean;
  now: number;
  /** Changes when the ticket changes (a finished run notes it): the runs are read again. */
  version?: string;
}

/** While a run may still change, its state is read again this often. */
const FOLLOW_MS = 1500;

type Load = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'loaded'; actions: FixAction[]; runs: FixRun[] };

/** "Fix" on a device or a ticket: the catalogue, the request, and the runs followed to their result. */
export function FixPanel({ api, deviceId, ticketId, online, now, version }: FixPanelProps) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const readRuns = useCallback(() => (ticketId ? api.ticketFixRuns(ticketId) : api.deviceFixRuns(deviceId)), [api, deviceId, ticketId]);

  useEffect(() => {
    let cancelled = false;
    Promise.all([api.listFixActions(), readRuns()]).then(
      ([actions, runs]) => !cancelled && setLoad({ kind: 'loaded', actions, runs }),
      (err: unknown) => !cancelled && setLoad({ kind: 'error', message: err instanceof ApiError ? err.message : 'The fixes could not be loaded.' }),
    );
    return () => {
      cancelled = true;
    };
  }, [api, readRuns, generation, version]);

  const active = load.kind === 'loaded' && load.runs.some((r) => ACTIVE_FIX_STATES.has(r.state));
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      readRuns().then(
        (runs) => setLoad((old) => (old.kind === 'loaded' ? { ...old, runs } : old)),
        () => undefined,
      );
    }, FOLLOW_MS);
    return () => clearInterval(timer);
  }, [active, readRuns]);

  const request = async (action: FixActionId, params: Record<string, unknown>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      const run = await api.requestFix(deviceId, { action, params, ...(ticketId ? { ticketId } : {}) });
      setLoad((old) => (old.kind === 'loaded' ? { ...old, runs: [run, ...old.runs] } : old));
      return true;
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'The fix could not be requested.');
      return false;
    } finally {
      setBusy(false);
    }
  };

  const mayRequest = load.kind === 'loaded' && load.actions.some((a) => a.allowed);
  const blocked = !online ? 'The device is offline: fixes wait until it is connected.' : active ? 'One fix at a time: wait for this one to finish.' : null;

  return (
    <section className="panel fix-panel" aria-labelledby={`fix-title-${ticketId ?? deviceId}`} data-testid="fix-panel">
      <h2 id={`fix-title-${ticketId ?? deviceId}`}>Fix</h2>
      {load.kind === 'loading' && <div className="skeleton skeleton-block-sm" role="status" aria-label="Loading fixes" />}
      {load.kind === 'error' && (
        <div role="alert" className="error-panel">
          <p>{load.message}</p>
          <button type="button" className="button" onClick={() => setGeneration((n) => n + 1)}>
            Try again
          </button>
        </div>
      )}
      {load.kind === 'loaded' && (
        <>
          {mayRequest ? (
            <FixRequestForm actions={load.actions} blocked={blocked} busy={busy} onRequest={request} />
          ) : (
            <p className="muted" data-testid="fix-not-allowed">Your role cannot request fixes; you can follow them here.</p>
          )}
          {error !== null && (
            <p className="form-error" role="alert" data-testid="fix-error">
              {error}
            </p>
          )}
          {load.runs.length === 0 ? (
            <p className="muted" data-testid="fix-empty">{ticketId ? 'No fix has been run for this ticket yet.' : 'No fix has been run on this device yet.'}</p>
          ) : (
            <FixRunList runs={load.runs} actions={load.actions} now={now} />
          )}
        </>
      )}
    </section>
  );
}
