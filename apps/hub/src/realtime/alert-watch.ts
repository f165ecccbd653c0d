import { fail, ok, type Alert, type AckCallback } from '@deskside/protocol';
import type { Logger } from '../log/logger.js';
import { siteFilter } from '../services/access/site-scope.js';
import type { AlertService } from '../services/alerts/alert-service.js';
import { alertRoomsFor } from './alert-feed.js';
import type { ConsoleSocket } from './context.js';

/**
 * `alerts:watch`: joins the socket to its alert rooms, then answers every unresolved alert it may
 * see. Joining first means a change landing while the snapshot is read is sent too, never lost.
 * (The permission check — `alerts.read` — runs in the namespace's middleware.)
 */
export function registerAlertWatch(socket: ConsoleSocket, alerts: AlertService, logger: Logger): void {
  socket.on('alerts:watch', (ack: unknown) => {
    if (typeof ack !== 'function') return;
    const reply = ack as AckCallback<{ alerts: Alert[] }>;
    void socket.join(alertRoomsFor(socket.data));
    const scope = siteFilter(socket.data);
    alerts
      .unresolved(scope)
      .then((list) => reply(ok({ alerts: list })))
      .catch((err: unknown) => {
        logger.error('alerts snapshot failed', { err: String(err) });
        reply(fail('internal', 'the alerts could not be read; retry'));
      });
  });
}
