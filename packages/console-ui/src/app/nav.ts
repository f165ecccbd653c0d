import type { Role } from '@deskside/protocol';
import type { Route } from './routes.js';
import type { Messages } from '../i18n/en/index.js';

type NavLabel = Exclude<keyof Messages['nav'], 'main' | 'groups' | `${string}_${'one' | 'other'}`>;

/** One entry of the side navigation. */
export interface NavItem {
  /** Key of the label in the `nav` messages. */
  label: NavLabel;
  /** Hash link, with the leading `#`. */
  href: string;
  /** The pages that mark this item current (a list page and its detail pages). */
  pages: readonly Route['page'][];
  testId: string;
  /** Who sees it; absent: every signed-in role. */
  roles?: readonly Role[];
  /** A live count shown next to the label. */
  badge?: 'alerts';
}

/** A titled group of the side navigation. */
export interface NavGroup {
  /** Key of the title in `nav.groups`. */
  label: keyof Messages['nav']['groups'];
  items: readonly NavItem[];
}

/**
 * The console's navigation, grouped the way a technician's day is: work, fleet, insight, admin.
 * Adding a page is one line here (and its route in routes.ts).
 */
export const NAV_GROUPS: readonly NavGroup[] = [
  {
    label: 'work',
    items: [
      { label: 'overview', href: '#/overview', pages: ['overview'], testId: 'nav-overview' },
      { label: 'tickets', href: '#/tickets', pages: ['tickets', 'ticket', 'new-ticket'], testId: 'nav-tickets' },
      { label: 'alerts', href: '#/alerts', pages: ['alerts'], testId: 'nav-alerts', badge: 'alerts' },
      { label: 'kb', href: '#/kb', pages: ['kb', 'kb-article', 'kb-edit'], testId: 'nav-kb' },
    ],
  },
  {
    label: 'fleet',
    items: [
      { label: 'devices', href: '#/devices', pages: ['devices', 'device'], testId: 'nav-devices' },
      { label: 'groupsPage', href: '#/groups', pages: ['groups', 'group'], testId: 'nav-groups' },
      { label: 'software', href: '#/reports/software', pages: ['software-report'], testId: 'nav-software' },
    ],
  },
  {
    label: 'reports',
    items: [
      { label: 'activity', href: '#/reports/activity', pages: ['activity-report'], testId: 'nav-activity' },
      { label: 'kbReport', href: '#/reports/kb', pages: ['kb-report'], testId: 'nav-kb-report' },
      { label: 'warranty', href: '#/assets/warranty', pages: ['asset-list'], testId: 'nav-warranty' },
    ],
  },
  {
    label: 'admin',
    items: [
      { label: 'users', href: '#/admin/users', pages: ['admin-users'], testId: 'nav-admin-users', roles: ['admin'] },
      { label: 'deploy', href: '#/admin/deploy', pages: ['admin-deploy'], testId: 'nav-admin-deploy', roles: ['admin'] },
      { label: 'releases', href: '#/admin/releases', pages: ['admin-releases'], testId: 'nav-admin-releases', roles: ['admin', 'auditor'] },
      { label: 'enrollTokens', href: '#/admin/enroll-tokens', pages: ['admin-enroll-tokens'], testId: 'nav-admin-tokens', roles: ['admin'] },
      { label: 'trayBranding', href: '#/admin/sites', pages: ['admin-sites'], testId: 'nav-admin-sites', roles: ['admin'] },
      { label: 'pendingDevices', href: '#/admin/devices-pending', pages: ['admin-devices-pending'], testId: 'nav-admin-pending', roles: ['admin'] },
      { label: 'apiTokens', href: '#/admin/api-tokens', pages: ['admin-api-tokens'], testId: 'nav-admin-api-tokens', roles: ['admin', 'auditor'] },
      { label: 'webhooks', href: '#/admin/webhooks', pages: ['admin-webhooks'], testId: 'nav-admin-webhooks', roles: ['admin', 'auditor'] },
      { label: 'mail', href: '#/admin/mail', pages: ['admin-mail'], testId: 'nav-admin-mail', roles: ['admin', 'auditor'] },
      { label: 'apiReference', href: '#/api', pages: ['api-reference'], testId: 'nav-api-reference' },
    ],
  },
];

/** The groups and items `role` may see; groups left empty are dropped. */
export function visibleNav(role: Role): NavGroup[] {
  return NAV_GROUPS.map((g) => ({ label: g.label, items: g.items.filter((i) => i.roles === undefined || i.roles.includes(role)) })).filter(
    (g) => g.items.length > 0,
  );
}

/**
 * Whether `role` may open `page`: the same rule as the navigation, so a link or a typed address
 * to a page the menu hides shows a clear refusal instead of a page whose every request fails 403.
 */
export function mayOpen(role: Role, page: Route['page']): boolean {
  const items = NAV_GROUPS.flatMap((g) => g.items).filter((i) => i.pages.includes(page));
  return items.every((i) => i.roles === undefined || i.roles.includes(role));
}
