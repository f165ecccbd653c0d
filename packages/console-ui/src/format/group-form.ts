import type { GroupCreate, GroupFilter, GroupKind, Lifecycle } from '@deskside/protocol';

/** What the group form holds: raw input, before the schema's trimming. */
export interface GroupDraft {
  name: string;
  kind: GroupKind;
  q: string;
  department: string;
  location: string;
  lifecycle: Lifecycle | '';
  /** Kept from an existing group (the form does not edit sites). */
  siteId?: string;
}

export type GroupField = 'name' | 'q' | 'department' | 'location' | 'filter';
export type GroupFormErrors = Partial<Record<GroupField, string>>;

/** GroupCreateSchema's bounds: names, search and asset fields are single lines of at most 128 characters. */
export const GROUP_TEXT_MAX = 128;

export const EMPTY_GROUP_DRAFT: GroupDraft = { name: '', kind: 'department', q: '', department: '', location: '', lifecycle: '' };

export const GROUP_KIND_LABELS: Record<GroupKind, string> = {
  department: 'Department',
  location: 'Location',
  filter: 'Saved filter',
};

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** The schema's `line(128)` rule, as a message for one field (null: fine). */
function lineError(raw: string, label: string): string | null {
  if (raw.length > GROUP_TEXT_MAX) return `${label} must be at most ${GROUP_TEXT_MAX} characters.`;
  if (CONTROL.test(raw)) return `${label} must be one line without control characters.`;
  return null;
}

/** A draft from a stored group, for editing. */
export function draftFromGroup(group: { name: string; kind: GroupKind; filter: GroupFilter }): GroupDraft {
  const f = group.filter;
  return {
    name: group.name,
    kind: group.kind,
    q: f.q ?? '',
    department: f.department ?? '',
    location: f.location ?? '',
    lifecycle: f.lifecycle ?? '',
    ...(f.siteId !== undefined ? { siteId: f.siteId } : {}),
  };
}

/**
 * Checks a draft by GroupCreateSchema's rules and builds the request body (blank filter fields left
 * out). A department or location group must name that field; a saved filter must name something.
 */
export function validateGroupDraft(draft: GroupDraft): { ok: true; value: GroupCreate } | { ok: false; errors: GroupFormErrors } {
  const errors: GroupFormErrors = {};
  const name = draft.name.trim();
  const nameError = lineError(draft.name, 'Name');
  if (nameError) errors.name = nameError;
  else if (name === '') errors.name = 'Name must not be empty.';

  const filter: GroupFilter = {};
  for (const [field, label] of [
    ['q', 'Search'],
    ['department', 'Department'],
    ['location', 'Location'],
  ] as const) {
    const error = lineError(draft[field], label);
    if (error) errors[field] = error;
    else if (draft[field].trim() !== '') filter[field] = draft[field].trim();
  }
  if (draft.lifecycle !== '') filter.lifecycle = draft.lifecycle;
  if (draft.siteId !== undefined) filter.siteId = draft.siteId;

  if (draft.kind === 'department' && filter.department === undefined && !errors.department) {
    errors.department = 'A department group names its department.';
  }
  if (draft.kind === 'location' && filter.location === undefined && !errors.location) {
    errors.location = 'A location group names its location.';
  }
  if (draft.kind === 'filter' && Object.keys(filter).length === 0 && Object.keys(errors).length === 0) {
    errors.filter = 'A saved filter needs at least one field, or it would hold every device.';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { name, kind: draft.kind, filter } };
}

/** One line saying which devices a group holds: `Department is "Sales" · Lifecycle is in-use`. */
export function filterSummary(filter: GroupFilter): string {
  const parts: string[] = [];
  if (filter.department !== undefined) parts.push(`Department is "${filter.department}"`);
  if (filter.location !== undefined) parts.push(`Location is "${filter.location}"`);
  if (filter.q !== undefined) parts.push(`Matches "${filter.q}"`);
  if (filter.lifecycle !== undefined) parts.push(`Lifecycle is ${filter.lifecycle}`);
  if (filter.siteId !== undefined) parts.push('One site');
  return parts.length > 0 ? parts.join(' · ') : 'Every device';
}
