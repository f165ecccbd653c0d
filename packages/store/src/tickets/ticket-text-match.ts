import { type Expression, type SqlBool, sql } from 'kysely';

/** At most this many words of a query go to the index (a pasted paragraph is not a search). */
const MAX_WORDS = 8;

/** The words of a search box's text, lower-cased: letters and digits only, so they are safe in either engine's query syntax. */
export function searchWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_WORDS);
}

/**
 * A ticket matches when every word starts a word of its subject, description or requester (name,
 * email): FTS5's `"word"*` on SQLite, a tsquery's `word:*` on PostgreSQL (migration 0020), so
 * "prin jam" finds "Printer jams". A `#123` / `123` also matches ticket number 123. No words and
 * no number match nothing.
 */
export function ticketTextMatch(text: string, postgres: boolean): Expression<SqlBool> {
  const words = searchWords(text);
  const number = /^\s*(?:#|t-?)?(\d{1,9})\s*$/i.exec(text)?.[1];
  const parts: Expression<SqlBool>[] = [];
  if (number !== undefined) parts.push(sql<SqlBool>`tickets.number = ${Number(number)}`);
  if (words.length > 0) {
    parts.push(
      postgres
        ? sql<SqlBool>`tickets.search @@ to_tsquery('simple', tickets_fold(${words.map((w) => `${w}:*`).join(' & ')}))`
        : sql<SqlBool>`tickets.rowid in (select rowid from tickets_fts where tickets_fts match ${words.map((w) => `"${w}"*`).join(' ')})`,
    );
  }
  if (parts.length === 0) return sql<SqlBool>`1 = 0`;
  return parts.length === 1 ? parts[0]! : sql<SqlBool>`(${parts[0]!} or ${parts[1]!})`;
}
