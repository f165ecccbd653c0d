import { IPC_EVENT_CHANNELS, IPC_INVOKE_CHANNELS } from '../common/ipc-channels.js';

/**
 * The browser stand-in for the preload: the same `window.deskside` methods (one per invoke
 * channel, plus the three push subscriptions), carried over HTTP to the preview server, where the
 * tray's real main-process handlers answer. Pushes arrive as server-sent events. Served as a file
 * (`/preview-bridge.js`), so the pages' CSP (`script-src 'self'`) stays as strict as in Electron.
 */
export function previewBridgeScript(): string {
  return `(() => {
  'use strict';
  const channels = ${JSON.stringify(IPC_INVOKE_CHANNELS)};
  const events = ${JSON.stringify(IPC_EVENT_CHANNELS)};
  const windowKind = (location.pathname.split('/').pop() || '').replace(/\\.html$/, '');
  const listeners = new Map();
  const on = (channel, cb) => {
    const set = listeners.get(channel) ?? new Set();
    set.add(cb);
    listeners.set(channel, set);
    return () => set.delete(cb);
  };
  const source = new EventSource('/bridge/events?window=' + encodeURIComponent(windowKind));
  source.onmessage = (message) => {
    const { channel, value } = JSON.parse(message.data);
    for (const cb of listeners.get(channel) ?? []) cb(value);
  };
  const call = async (channel, args) => {
    const response = await fetch('/bridge/invoke', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ channel, args }),
    });
    const parsed = await response.json();
    if (!response.ok) throw new Error(parsed.error || 'The agent did not answer.');
    return parsed.value;
  };
  const api = {};
  for (const [method, channel] of Object.entries(channels)) api[method] = (...args) => call(channel, args);
  api.onStatus = (cb) => on(events.status, cb);
  api.onTicketUpdated = (cb) => on(events.ticketUpdated, cb);
  api.onShowTicket = (cb) => on(events.showTicket, cb);
  api.onAppearance = (cb) => on(events.appearance, cb);
  api.onPendingFixes = (cb) => on(events.pendingFixes, cb);
  Object.defineProperty(window, 'deskside', { value: Object.freeze(api) });
})();
`;
}
