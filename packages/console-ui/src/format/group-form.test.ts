import { GroupCreateSchema } from '@deskside/protocol';
import { describe, expect, it } from 'vitest';
import { draftFromGroup, EMPTY_GROUP_DRAFT, filterSummary, validateGroupDraft, type GroupDraft } from './group-form.js';

const draft = (patch: Partial<GroupDraft>): GroupDraft => ({ ...EMPTY_GROUP_DRAFT, ...patch });

describe('validateGroupDraft', () => {
  it('builds a body the protocol accepts, trimmed, blank fields left out', () => {
    const result = validateGroupDraft(draft({ name: '  Sales ', kind: 'department', department: ' Sales ', location: '  ' }));
    expect(result).toEqual({ ok: true, value: { name: 'Sales', kind: 'department', filter: { department: 'Sales' } } });
    if (result.ok) expect(GroupCreateSchema.safeParse(result.value).success).toBe(true);
  });

  it('asks a department or location group to name that field, next to it', () => {
    expect(validateGroupDraft(draft({ name: 'x', kind: 'department', location: 'HQ' }))).toEqual({
      ok: false,
      errors: { department: 'A department group names its department.' },
    });
    const location = validateGroupDraft(draft({ name: 'x', kind: 'location', department: 'Sales' }));
    expect(location.ok ? null : location.errors.location).toBe('A location group names its location.');
    // What the schema itself refuses for the same reason.
    expect(GroupCreateSchema.safeParse({ name: 'x', kind: 'location', filter: { department: 'Sales' } }).success).toBe(false);
  });

  it('refuses an empty name, long or multi-line text as the schema does', () => {
    const result = validateGroupDraft(draft({ name: '   ', department: 'a\nb', q: 'x'.repeat(129) }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.name).toBe('Name must not be empty.');
    expect(result.errors.department).toMatch(/one line/);
    expect(result.errors.q).toMatch(/at most 128/);
    expect(GroupCreateSchema.safeParse({ name: 'n', kind: 'filter', filter: { q: 'x'.repeat(129) } }).success).toBe(false);
    expect(validateGroupDraft(draft({ name: 'n'.repeat(128), department: 'd'.repeat(128) })).ok).toBe(true);
  });

  it('wants a saved filter to name something, and keeps lifecycle and site', () => {
    const empty = validateGroupDraft(draft({ name: 'All', kind: 'filter' }));
    expect(empty.ok ? null : empty.errors.filter).toMatch(/at least one field/);
    const site = '01HZX3V3M8N4Q5R6S7T8V9W0XY';
    const result = validateGroupDraft(draft({ name: 'Repairs', kind: 'filter', lifecycle: 'in-repair', siteId: site }));
    expect(result).toEqual({ ok: true, value: { name: 'Repairs', kind: 'filter', filter: { lifecycle: 'in-repair', siteId: site } } });
  });

  it('round-trips a stored group through the draft', () => {
    const group = { name: 'HQ', kind: 'location' as const, filter: { location: 'HQ', q: 'win' } };
    const result = validateGroupDraft(draftFromGroup(group));
    expect(result).toEqual({ ok: true, value: group });
  });
});

describe('filterSummary', () => {
  it('names each field given, in a fixed order', () => {
    expect(filterSummary({ lifecycle: 'in-use', department: 'Sales', location: 'HQ', q: 'lap' })).toBe(
      'Department is "Sales" · Location is "HQ" · Matches "lap" · Lifecycle is in-use',
    );
  });
  it('says an empty filter holds every device', () => {
    expect(filterSummary({})).toBe('Every device');
  });
});
