/** The console's pages, addressed by the URL hash so the hub serves one static index.html. */
export type Route =
  | { page: 'login' }
  | { page: 'overview' }
  | { page: 'devices' }
  | { page: 'device'; id: string; tab?: string }
  | { page: 'alerts' }
  | { page: 'asset-list'; kind: 'warranty' | 'not-seen' }
  | { page: 'software-report'; app?: string }
  | { page: 'activity-report' }
  | { page: 'tickets'; view?: string }
  | { page: 'ticket'; id: string }
  | { page: 'new-ticket'; device?: string; alert?: string }
  | { page: 'log-call' }
  | { page: 'admin-users'; user?: string }
  | { page: 'admin-enroll-tokens' }
  | { page: 'admin-sites' }
  | { page: 'admin-deploy' }
  | { page: 'admin-releases' }
  | { page: 'admin-devices-pending' }
  | { page: 'admin-api-tokens' }
  | { page: 'admin-webhooks' }
  | { page: 'admin-mail' }
  | { page: 'api-reference' }
  | { page: 'me' }
  | { page: 'groups' }
  | { page: 'group'; id: string }
  | { page: 'kb' }
  | { page: 'kb-article'; id: string }
  | { page: 'kb-edit'; id?: string; ticket?: string }
  | { page: 'kb-report' }
  | { page: 'not-found' };

/** Where a technician lands after login, and what an empty hash shows. */
export const HOME_PATH = '/overview';

const DEVICE = /^\/devices\/([^/?#]{1,128})$/;
const TICKET = /^\/tickets\/([^/?#]{1,128})$/;
const GROUP = /^\/groups\/([^/?#]{1,128})$/;
const KB_ARTICLE = /^\/kb\/([^/?#]{1,128})(\/edit)?$/;

/** `#/login`, `#/overview`, `#/devices`, `#/devices/:id`, `#/alerts`, `#/tickets`, `#/tickets/new`, `#/tickets/:id`; an empty hash is the overview. */
export function parseRoute(hash: string): Route {
  const full = hash.replace(/^#/, '') || HOME_PATH;
  const cut = full.indexOf('?');
  const path = cut < 0 ? full : full.slice(0, cut);
  const params = new URLSearchParams(cut < 0 ? '' : full.slice(cut + 1));
  const param = (name: string): { [k: string]: string } => {
    const value = params.get(name);
    return value === null || value === '' ? {} : { [name]: value.slice(0, 256) };
  };
  if (path === '/login') return { page: 'login' };
  if (path === '/overview' || path === '/') return { page: 'overview' };
  if (path === '/alerts' || path === '/alerts/') return { page: 'alerts' };
  if (path === '/devices' || path === '/devices/') return { page: 'devices' };
  if (path === '/assets/warranty') return { page: 'asset-list', kind: 'warranty' };
  if (path === '/assets/not-seen') return { page: 'asset-list', kind: 'not-seen' };
  if (path === '/reports/software') return { page: 'software-report', ...param('app') };
  if (path === '/reports/activity') return { page: 'activity-report' };
  if (path === '/tickets' || path === '/tickets/') return { page: 'tickets', ...param('view') };
  if (path === '/tickets/call') return { page: 'log-call' };
  if (path === '/tickets/new') return { page: 'new-ticket', ...param('device'), ...param('alert') };
  const ticket = TICKET.exec(path);
  if (ticket?.[1] !== undefined) {
    try {
      return { page: 'ticket', id: decodeURIComponent(ticket[1]) };
    } catch {
      return { page: 'not-found' };
    }
  }
  if (path === '/admin/users') return { page: 'admin-users', ...param('user') };
  if (path === '/admin/enroll-tokens') return { page: 'admin-enroll-tokens' };
  if (path === '/admin/sites') return { page: 'admin-sites' };
  if (path === '/admin/deploy') return { page: 'admin-deploy' };
  if (path === '/admin/releases') return { page: 'admin-releases' };
  if (path === '/admin/devices-pending') return { page: 'admin-devices-pending' };
  if (path === '/admin/api-tokens') return { page: 'admin-api-tokens' };
  if (path === '/admin/webhooks') return { page: 'admin-webhooks' };
  if (path === '/admin/mail') return { page: 'admin-mail' };
  if (path === '/api') return { page: 'api-reference' };
  if (path === '/me') return { page: 'me' };
  if (path === '/kb' || path === '/kb/') return { page: 'kb' };
  if (path === '/kb/new') return { page: 'kb-edit', ...param('ticket') };
  if (path === '/reports/kb') return { page: 'kb-report' };
  const article = KB_ARTICLE.exec(path);
  if (article?.[1] !== undefined) {
    try {
      const id = decodeURIComponent(article[1]);
      return article[2] ? { page: 'kb-edit', id } : { page: 'kb-article', id };
    } catch {
      return { page: 'not-found' };
    }
  }
  if (path === '/groups' || path === '/groups/') return { page: 'groups' };
  const group = GROUP.exec(path);
  if (group?.[1] !== undefined) {
    try {
      return { page: 'group', id: decodeURIComponent(group[1]) };
    } catch {
      return { page: 'not-found' };
    }
  }
  const match = DEVICE.exec(path);
  if (match?.[1] !== undefined) {
    try {
      return { page: 'device', id: decodeURIComponent(match[1]), ...param('tab') };
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

/** The hash path of a ticket page (without the leading `#`). */
export function ticketPath(id: string): string {
  return `/tickets/${encodeURIComponent(id)}`;
}

/** The hash path of a group page (without the leading `#`). */
export function groupPath(id: string): string {
  return `/groups/${encodeURIComponent(id)}`;
}
