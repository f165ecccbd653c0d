import type { ChangeDraft } from './change-draft.js';

/** How to diff one keyed list section. */
export interface KeyedListSpec<T> {
  section: string;
  /** Identity of an item across documents; null skips the item (nothing stable to key it on). */
  key: (item: T) => string | null;
  /** "disk Samsung SSD 980 (S6B…)". */
  label: (item: T) => string;
  /** Changes between two items with the same key (noisy fields ignored); [] when they count as equal. */
  compare: (before: T, after: T) => ChangeDraft[];
}

/** Items added, removed and changed between two lists, matched by key. Order of the lists does not matter. */
export function diffKeyedList<T>(spec: KeyedListSpec<T>, before: readonly T[], after: readonly T[]): ChangeDraft[] {
  const index = (items: readonly T[]) => {
    const map = new Map<string, T>();
    for (const item of items) {
      const key = spec.key(item);
      if (key !== null && !map.has(key)) map.set(key, item);
    }
    return map;
  };
  const old = index(before);
  const now = index(after);
  const out: ChangeDraft[] = [];
  for (const [key, item] of now) {
    const previous = old.get(key);
    if (previous === undefined) out.push({ section: spec.section, kind: 'added', summary: `${spec.label(item)} added`, before: null, after: item });
    else out.push(...spec.compare(previous, item));
  }
  for (const [key, item] of old) {
    if (!now.has(key)) out.push({ section: spec.section, kind: 'removed', summary: `${spec.label(item)} removed`, before: item, after: null });
  }
  return out;
}

/** One 'changed' row per field that differs, with the field's old and new value. */
export function fieldChanges<T extends object>(
  section: string,
  label: string,
  before: T,
  after: T,
  fields: ReadonlyArray<readonly [keyof T & string, string]>,
  show: (v: unknown) => string,
): ChangeDraft[] {
  const out: ChangeDraft[] = [];
  for (const [field, name] of fields) {
    const a = before[field];
    const b = after[field];
    if (JSON.stringify(a ?? null) === JSON.stringify(b ?? null)) continue;
    out.push({ section, kind: 'changed', summary: `${label}${name} ${show(a)} → ${show(b)}`, before: { [field]: a ?? null }, after: { [field]: b ?? null } });
  }
  return out;
}
