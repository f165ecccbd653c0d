import type { Updateable } from 'kysely';
import { TechnicianTierSchema, type TechnicianTier } from '@deskside/protocol';
import { toMsOrNull } from '../mapping/time.js';
import type { UsersTable } from '../schema.js';
import type { UserPatch } from '../access-types.js';

/** The columns a user patch sets; absent fields are left alone. */
export function userPatchColumns(patch: UserPatch): Updateable<UsersTable> {
  const columns: Updateable<UsersTable> = {};
  if (patch.displayName !== undefined) columns.display_name = patch.displayName;
  if (patch.role !== undefined) columns.role = patch.role;
  if (patch.tier !== undefined) columns.tier = patch.tier;
  if (patch.siteIds !== undefined) columns.site_ids = JSON.stringify(patch.siteIds);
  if (patch.disabledAt !== undefined) columns.disabled_at = toMsOrNull(patch.disabledAt);
  if (patch.passwordHash !== undefined) columns.password_hash = patch.passwordHash;
  return columns;
}

export function parseTier(value: number | string | bigint | null): TechnicianTier | null {
  return value === null ? null : TechnicianTierSchema.parse(Number(value));
}

/** A stored site list; a malformed one fails closed to "no site" rather than "every site". */
export function parseSiteIds(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    if (Array.isArray(value) && value.every((v): v is string => typeof v === 'string')) return value;
  } catch {
    // fall through
  }
  return ['(invalid)'];
}
