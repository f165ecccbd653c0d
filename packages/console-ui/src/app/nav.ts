import type { Role } from '@deskside/protocol';
import type { Route } from './routes.js';

/** One entry of the side navigation. */
export interface NavItem {
  label: string;
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
  label: string;
  items: readonly NavItem[];
}

/**
 * The console's navigation, grouped the way a technician's day is: work, fleet, insight, admin.
 * Adding a page is one line here (and its route in routes.ts).
 */
export const NAV_GROUPS: readonly NavGroup[] = [
  {
    label: 'Work',
    items: [
      { label: 'Overview', href: '#/overview', pages: ['overview'], testId: 'nav-overview' },
      { label: 'Tickets', href: '#/tickets', pages: ['tickets', 'ticket', 'new-ticket'], testId: 'nav-tickets' },
      { label: 'Alerts', href: '#/alerts', pages: ['alerts'], testId: 'nav-alerts', badge: 'alerts' },
      { label: 'Knowledge base', href: '#/kb', pages: ['kb', 'kb-article', 'kb-edit'], testId: 'nav-kb' },
    ],
  },
  {
    label: 'Fleet',
    items: [
      { label: 'Devices', href: '#/devices', pages: ['devices', 'device'], testId: 'nav-devices' },
      { label: 'Groups', href: '#/groups', pages: ['groups', 'group'], testId: 'nav-groups' },
      { label: 'Software', href: '#/reports/software', pages: ['software-report'], testId: 'nav-software' },
    ],
  },
  {
    label: 'Reports',
    items: [
      { label: 'Activity', href: '#/reports/activity', pages: ['activity-report'], testId: 'nav-activity' },
      { label: 'Knowledge base', href: '#/reports/kb', pages: ['kb-report'], testId: 'nav-kb-report' },
      { label: 'Warranty', href: '#/assets/warranty', pages: ['asset-list'], testId: 'nav-warranty' },
    ],
  },
  {
    label: 'Admin',
    items: [
      { label: 'Users', href: '#/admin/users', pages: ['admin-users'], testId: 'nav-admin-users', roles: ['admin'] },
      { label: 'Deploy', href: '#/admin/deploy', pages: ['admin-deploy'], testId: 'nav-admin-deploy', roles: ['admin'] },
      { label: 'Enrolment tokens', href: '#/admin/enroll-tokens', pages: ['admin-enroll-tokens'], testId: 'nav-admin-tokens', roles: ['admin'] },
      { label: 'Pending devices', href: '#/admin/devices-pending', pages: ['admin-devices-pending'], testId: 'nav-admin-pending', roles: ['admin'] },
      { label: 'API tokens', href: '#/admin/api-tokens', pages: ['admin-api-tokens'], testId: 'nav-admin-api-tokens', roles: ['admin', 'auditor'] },
      { label: 'Webhooks', href: '#/admin/webhooks', pages: ['admin-webhooks'], testId: 'nav-admin-webhooks', roles: ['admin', 'auditor'] },
      { label: 'API reference', href: '#/api', pages: ['api-reference'], testId: 'nav-api-reference' },
    ],
  },
];

/** The groups and items `role` may see; groups left empty are dropped. */
export function visibleNav(role: Role): NavGroup[] {
  return NAV_GROUPS.map((g) => ({ label: g.label, items: g.items.filter((i) => i.roles === undefined || i.roles.includes(role)) })).filter(
    (g) => g.items.length > 0,
  );
}
