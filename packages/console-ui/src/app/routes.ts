/** The console's pages, addressed by the URL hash so the hub serves one static index.html. */
export type Route = { page: 'login' } | { page: 'devices' } | { page: 'device'; id: string } | { page: 'not-found' };

const DEVICE = /^\/devices\/([^/?#]{1,128})$/;

/** `#/login`, `#/devices`, `#/devices/:id`; an empty hash is the fleet. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/devices';
  if (path === '/login') return { page: 'login' };
  if (path === '/devices' || path === '/devices/' || path === '/') return { page: 'devices' };
  const match = DEVICE.exec(path);
  if (match?.[1] !== undefined) {
    try {
      return { page: 'device', id: decodeURIComponent(match[1]) };
    } catch {
      return { page: 'not-found' };
    }
  }
  return { page: 'not-found' };
}

/** The hash path of a device page (without the leading `#`). */
export function devicePath(id: string): string {
  return `/devices/${encodeURIComponent(id)}`;
}
