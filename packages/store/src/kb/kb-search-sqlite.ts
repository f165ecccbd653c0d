import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.js';
import type { KbFilter } from './kb-types.js';
import { editDistance, ftsTerm, queryWords, typoBudget, wordForms } from './kb-query.js';
import { kbFilterSql } from './kb-filter-sql.js';

/** Corrections kept per misspelt word. */
const MAX_CORRECTIONS = 3;
/** Title, tags, category, body: a word in the title weighs ten body words. */
const WEIGHTS = sql`10.0, 4.0, 2.0, 1.0`;

/**
 * SQLite's half of KbRepository.search: FTS5 with bm25 over the articles. Each query word matches
 * as a prefix (and by its light stem); a word the index has never seen, not even as a prefix, is
 * replaced by the vocabulary words within its typo budget. Words are OR-ed, so an article matching
 * more of them ranks higher; answers ids and scores (higher is better), best first.
 */
export async function searchSqlite(db: Kysely<Database>, query: string, filter: KbFilter, limit: number): Promise<Array<{ id: string; score: number }>> {
  const groups: string[] = [];
  for (const word of queryWords(query)) {
    const terms = await termsFor(db, word);
    if (terms.length > 0) groups.push(`(${terms.join(' OR ')})`);
  }
  if (groups.length === 0) return [];
  const match = groups.join(' OR ');
  const rows = await sql<{ id: string; score: number }>`
    select a.id as id, -bm25(kb_fts, ${WEIGHTS}) as score
    from kb_fts join kb_articles a on a.rowid = kb_fts.rowid
    where kb_fts match ${match} and ${kbFilterSql(filter)}
    order by score desc, a.updated_at desc
    limit ${limit}`.execute(db);
  return rows.rows.map((r) => ({ id: r.id, score: Number(r.score) }));
}

async function termsFor(db: Kysely<Database>, word: string): Promise<string[]> {
  const forms = wordForms(word);
  const known: string[] = [];
  for (const form of forms) {
    if (await hasPrefix(db, form)) known.push(form.length >= 3 ? ftsTerm(form, true) : ftsTerm(form, false));
  }
  if (known.length > 0) return known;
  return (await corrections(db, word)).map((w) => ftsTerm(w, false));
}

async function hasPrefix(db: Kysely<Database>, prefix: string): Promise<boolean> {
  const row = await sql<{ term: string }>`select term from kb_fts_vocab where term >= ${prefix} and term < ${`${prefix}\u{10ffff}`} limit 1`.execute(db);
  return row.rows.length > 0;
}

/**
 * Vocabulary words within the typo budget of `word`, or of which `word` is a misspelt beginning
 * (someone still typing): closest first, then the most common. Candidates share the first letter,
 * or the second (a swap of the first two).
 */
async function corrections(db: Kysely<Database>, word: string): Promise<string[]> {
  const budget = typoBudget(word);
  if (budget === 0) return [];
  const firsts = [...new Set([word.slice(0, 1), word.slice(1, 2)])];
  const scored: Array<{ term: string; distance: number; docs: number }> = [];
  for (const first of firsts) {
    const rows = await sql<{ term: string; doc: number }>`select term, doc from kb_fts_vocab where term >= ${first} and term < ${`${first}\u{10ffff}`}`.execute(db);
    for (const { term, doc } of rows.rows) {
      if (term.length < word.length - budget) continue;
      const whole = editDistance(word, term, budget);
      const start = term.length > word.length ? editDistance(word, term.slice(0, word.length), Math.min(1, budget)) : budget + 1;
      const distance = Math.min(whole, start + 0.5);
      if (distance <= budget) scored.push({ term, distance, docs: Number(doc) });
    }
  }
  scored.sort((a, b) => a.distance - b.distance || b.docs - a.docs);
  const best = scored[0]?.distance;
  return scored
    .filter((s) => s.distance === best)
    .slice(0, MAX_CORRECTIONS)
    .map((s) => s.term);
}
