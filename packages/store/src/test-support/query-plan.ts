// Test support only: which index SQLite's planner picks, read through a second read-only connection.
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

/** SQLite's plan for `query` on the store in `dir`, as one line: each step's detail, joined by " | ". */
export function planOf(dir: string, query: string): string {
  const raw = new BetterSqlite3(path.join(dir, 'deskside.db'), { readonly: true });
  try {
    const rows = raw.prepare(`explain query plan ${query}`).all() as Array<{ detail: string }>;
    return rows.map((r) => r.detail).join(' | ');
  } finally {
    raw.close();
  }
}
