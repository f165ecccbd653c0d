import type { Alert } from '@deskside/protocol';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { ApiError } from '../api/api-error.js';
import { watchAlerts } from '../api/alerts-feed.js';
import type { HttpClient } from '../api/http-client.js';
import type { ConsoleSocket } from '../api/socket.js';
import { alertsReducer, applyPending, initialAlertsState, type AlertsState, type PendingChange } from './alerts-store.js';

/** What a technician can do to an alert. */
export interface AlertActions {
  acknowledge(alert: Alert): void;
  snooze(alert: Alert, until: string): void;
  resolve(alert: Alert, note: string): void;
}

/** A failed action, shown next to the alert it was for. */
export interface ActionFailure {
  alertId: string;
  message: string;
}

export interface AlertsView {
  state: AlertsState;
  /** Why the live alerts are not up to date, when the hub said. */
  error: string | null;
  /** The last action that failed (and was rolled back). */
  failure: ActionFailure | null;
  dismissFailure(): void;
  actions: AlertActions;
}

/**
 * The live alerts of a session over the shared `/console` socket, and the technician's actions:
 * each shows at once (optimistic), and is rolled back with a message if the hub refuses it.
 */
export function useAlerts(socket: ConsoleSocket | null, api: HttpClient, actorName: string): AlertsView {
  const [state, dispatch] = useReducer(alertsReducer, initialAlertsState);
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const actor = useRef(actorName);
  actor.current = actorName;

  useEffect(() => {
    if (socket === null) return;
    const feed = watchAlerts({
      socket,
      handlers: {
        onSnapshot: (alerts) => dispatch({ type: 'snapshot', alerts }),
        onChanged: (alerts) => dispatch({ type: 'upsert', alerts }),
        onError: setError,
        onInvalidPayload: (event, rejected) => console.warn(`Deskside: dropped ${rejected} invalid alert(s) from ${event}`),
      },
    });
    return () => {
      feed.close();
      dispatch({ type: 'reset' });
      setError(null);
      setFailure(null);
    };
  }, [socket]);

  const run = useCallback((alert: Alert, change: PendingChange, call: () => Promise<Alert | null>) => {
    setFailure(null);
    dispatch({ type: 'pending', id: alert.id, change });
    call().then(
      (answer) => {
        // The hub's answer when it sent one; otherwise what the hub accepted, until the feed says more.
        dispatch({ type: 'upsert', alerts: [answer ?? applyPending(alert, change)] });
        dispatch({ type: 'settle', id: alert.id });
      },
      (err: unknown) => {
        dispatch({ type: 'settle', id: alert.id });
        setFailure({ alertId: alert.id, message: actionErrorText(err) });
      },
    );
  }, []);

  const actions = useMemo<AlertActions>(
    () => ({
      acknowledge: (alert) =>
        run(alert, { kind: 'acknowledge', at: new Date().toISOString(), by: actor.current }, () => api.acknowledgeAlert(alert.id)),
      snooze: (alert, until) => run(alert, { kind: 'snooze', until }, () => api.snoozeAlert(alert.id, until)),
      resolve: (alert, note) =>
        run(alert, { kind: 'resolve', at: new Date().toISOString(), by: actor.current }, () =>
          api.resolveAlert(alert.id, note.trim() === '' ? undefined : note.trim()),
        ),
    }),
    [api, run],
  );

  const dismissFailure = useCallback(() => setFailure(null), []);
  return { state, error, failure, dismissFailure, actions };
}

/** What a technician reads when an action did not go through. */
export function actionErrorText(error: unknown): string {
  if (!(error instanceof ApiError)) return 'The action failed. Try again.';
  switch (error.code) {
    case 'network':
      return 'Cannot reach the hub; nothing was changed. Try again.';
    case 'forbidden':
      return 'You are not allowed to do that to this alert.';
    case 'not_found':
      return 'This alert no longer exists.';
    case 'conflict':
      return 'Someone else changed this alert first; it shows its current state.';
    case 'rate_limited':
      return 'Too many requests; wait a moment and try again.';
    default:
      return `The hub refused: ${error.message}`;
  }
}
