import { describe, expect, it } from 'vitest';
import { mayOpen, visibleNav } from './nav.js';

describe('mayOpen', () => {
  it('follows the navigation: admin pages for admins, the auditor’s read-only ones for auditors', () => {
    expect(mayOpen('admin', 'admin-users')).toBe(true);
    expect(mayOpen('technician', 'admin-users')).toBe(false);
    expect(mayOpen('auditor', 'admin-users')).toBe(false);
    expect(mayOpen('auditor', 'admin-releases')).toBe(true);
    expect(mayOpen('technician', 'admin-releases')).toBe(false);
    // Pages every role has, and pages outside the menu (own account, not found).
    for (const role of ['admin', 'technician', 'auditor'] as const) {
      expect(mayOpen(role, 'tickets')).toBe(true);
      expect(mayOpen(role, 'me')).toBe(true);
      expect(mayOpen(role, 'not-found')).toBe(true);
    }
  });

  it('lets a role open every page its menu shows', () => {
    for (const role of ['admin', 'technician', 'auditor'] as const) {
      for (const item of visibleNav(role).flatMap((g) => g.items)) for (const page of item.pages) expect(mayOpen(role, page)).toBe(true);
    }
  });
});
