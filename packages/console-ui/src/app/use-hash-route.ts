import { useSyncExternalStore } from 'react';
import { parseRoute, type Route } from './routes.js';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const getHash = () => window.location.hash;

/** The current route, following `hashchange`. */
export function useHashRoute(): Route {
  return parseRoute(useSyncExternalStore(subscribe, getHash));
}

/** Go to a hash path, e.g. `navigate('/devices')`. `replace` keeps the login page out of history. */
export function navigate(path: string, { replace = false } = {}): void {
  const hash = `#${path}`;
  if (window.location.hash === hash) return;
  if (replace) {
    window.history.replaceState(null, '', hash);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = hash;
  }
}
