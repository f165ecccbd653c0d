import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.js';
import type { KbFilter } from './kb-types.js';
import { editDistance, queryWords, typoBudget, wordForms } from './kb-query.js';
import { kbFilterSql } from './kb-filter-sql.js';

/** Corrections kept per misspelt word. */
const MAX_CORRECTIONS = 3;
/** ts_rank's weights for D (body), C (category), B (tags), A (title): a title word weighs ten body words. */
const WEIGHTS = sql`array[0.1, 0.2, 0.4, 1.0]::float4[]`;

/**
 * PostgreSQL's half of KbRepository.search, the same algorithm as the SQLite one over PostgreSQL's
 * own full-text search: `kb_articles.search` is a weighted tsvector of the folded (lower-cased,
 * unaccented) title, tags, category and body, kept by a trigger and GIN-indexed (migration 0015).
 * Each query word matches as a prefix (and by its light stem); a word the index has never seen is
 * replaced by the vocabulary words (ts_stat) within its typo budget; words are OR-ed and ranked by
 * ts_rank. Answers ids and scores (higher is better), best first.
 */
export async function searchPostgres(db: Kysely<Database>, query: string, filter: KbFilter, limit: number): Promise<Array<{ id: string; score: number }>> {
  const groups: string[] = [];
  for (const word of queryWords(query)) {
    const terms = await termsFor(db, word);
    if (terms.length > 0) groups.push(`(${terms.join(' | ')})`);
  }
  if (groups.length === 0) return [];
  const tsquery = groups.join(' | ');
  const rows = await sql<{ id: string; score: number }>`
    select a.id as id, ts_rank(${WEIGHTS}, a.search, q.q) as score
    from kb_articles a, to_tsquery('simple', ${tsquery}) as q(q)
    where a.search @@ q.q and ${kbFilterSql(filter)}
    order by score desc, a.updated_at desc
    limit ${limit}`.execute(db);
  return rows.rows.map((r) => ({ id: r.id, score: Number(r.score) }));
}

/** A tsquery operand: the words hold only letters and digits (queryWords), quoted all the same. */
function term(word: string, prefix: boolean): string {
  return `'${word.replace(/'/g, "''").replace(/\\/g, '\\\\')}'${prefix ? ':*' : ''}`;
}

async function termsFor(db: Kysely<Database>, word: string): Promise<string[]> {
  const known: string[] = [];
  for (const form of wordForms(word)) {
    if (await hasPrefix(db, form)) known.push(term(form, form.length >= 3));
  }
  if (known.length > 0) return known;
  return (await corrections(db, word)).map((w) => term(w, false));
}

async function hasPrefix(db: Kysely<Database>, prefix: string): Promise<boolean> {
  const rows = await sql<{ id: string }>`select id from kb_articles where search @@ to_tsquery('simple', ${term(prefix, true)}) limit 1`.execute(db);
  return rows.rows.length > 0;
}

/**
 * Vocabulary words within the typo budget of `word`, or of which `word` is a misspelt beginning:
 * closest first, then the most common. Candidates share the first letter, or the second.
 */
async function corrections(db: Kysely<Database>, word: string): Promise<string[]> {
  const budget = typoBudget(word);
  if (budget === 0) return [];
  const firsts = [...new Set([word.slice(0, 1), word.slice(1, 2)])];
  const rows = await sql<{ term: string; doc: number }>`
    select word as term, ndoc as doc from ts_stat('select search from kb_articles')
    where left(word, 1) in (${sql.join(firsts)}) and length(word) >= ${word.length - budget}`.execute(db);
  const scored: Array<{ term: string; distance: number; docs: number }> = [];
  for (const { term: candidate, doc } of rows.rows) {
    const whole = editDistance(word, candidate, budget);
    const start = candidate.length > word.length ? editDistance(word, candidate.slice(0, word.length), Math.min(1, budget)) : budget + 1;
    const distance = Math.min(whole, start + 0.5);
    if (distance <= budget) scored.push({ term: candidate, distance, docs: Number(doc) });
  }
  scored.sort((a, b) => a.distance - b.distance || b.docs - a.docs || (a.term < b.term ? -1 : 1));
  const best = scored[0]?.distance;
  return scored
    .filter((s) => s.distance === best)
    .slice(0, MAX_CORRECTIONS)
    .map((s) => s.term);
}
