/** Which column a table is sorted by, and which way. */
export interface SortState {
  column: string;
  direction: 'asc' | 'desc';
}

/** Clicking a header: sort by it ascending; clicking it again reverses; a third click goes back to ascending. */
export function nextSort(current: SortState | null, column: string): SortState {
  if (current?.column === column) return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { column, direction: 'asc' };
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Numbers by value, text in the viewer's locale with numbers inside compared as numbers; empty values last. */
export function compareValues(a: string | number | null | undefined, b: string | number | null | undefined): number {
  const emptyA = a === null || a === undefined || a === '';
  const emptyB = b === null || b === undefined || b === '';
  if (emptyA || emptyB) return emptyA === emptyB ? 0 : emptyA ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}
