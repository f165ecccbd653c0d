import { type Kysely, sql } from 'kysely';

// PostgreSQL-only parts of the ladder: the indexes its own search operators use. SQLite gets its
// equivalents (JSON1 scans, FTS5) in the same migrations.

/**
 * Installs a contrib extension when the server has it and this role may (pg_trgm and unaccent are
 * "trusted": a database owner may install them). Answers whether it is there.
 */
export async function ensureExtension(db: Kysely<unknown>, name: 'pg_trgm' | 'unaccent'): Promise<boolean> {
  const { rows } = await sql<{ installed: boolean; available: boolean; allowed: boolean }>`
    select exists (select 1 from pg_extension where extname = ${name}) as installed,
           exists (select 1 from pg_available_extensions where name = ${name}) as available,
           has_database_privilege(current_database(), 'CREATE') as allowed`.execute(db);
  const state = rows[0];
  if (state?.installed) return true;
  if (!state?.available || !state.allowed) return false;
  await sql`create extension if not exists ${sql.id(name)}`.execute(db);
  return true;
}

/**
 * A trigram index over each inventory document's lower-cased text: the fleet search's first,
 * indexed pass (assets/inventory-search.ts) before its exact per-field test. Without pg_trgm the
 * search still works, as a scan.
 */
export async function createInventorySearchIndex(db: Kysely<unknown>): Promise<void> {
  if (!(await ensureExtension(db, 'pg_trgm'))) return;
  await sql`create index inventories_search_trgm on inventories using gin (lower(document::text) gin_trgm_ops)`.execute(db);
}

/**
 * The knowledge base's full-text index: a weighted tsvector (title A, tags B, category C, body D)
 * of the folded text ('simple' configuration: no stemmer or stop words, the query side expands
 * forms itself, as on SQLite), kept by a trigger and GIN-indexed. Folding is lower() and, when
 * contrib's unaccent is there, unaccent(), matching the query side's fold().
 */
export async function createKbSearch(db: Kysely<unknown>): Promise<void> {
  const unaccent = await ensureExtension(db, 'unaccent');
  const fold = unaccent ? sql.raw('lower(unaccent(t))') : sql.raw('lower(t)');
  await sql`create function kb_fold(t text) returns text language sql stable as $$ select ${fold} $$`.execute(db);
  await sql`alter table kb_articles add column search tsvector not null default ''`.execute(db);
  await sql`create function kb_articles_search() returns trigger language plpgsql as $$
    begin
      new.search :=
        setweight(to_tsvector('simple', kb_fold(new.title)), 'A') ||
        setweight(to_tsvector('simple', kb_fold(new.tags)), 'B') ||
        setweight(to_tsvector('simple', kb_fold(new.category)), 'C') ||
        setweight(to_tsvector('simple', kb_fold(new.body)), 'D');
      return new;
    end $$`.execute(db);
  await sql`create trigger kb_articles_search before insert or update of title, tags, category, body
    on kb_articles for each row execute function kb_articles_search()`.execute(db);
  await sql`create index kb_articles_search_gin on kb_articles using gin (search)`.execute(db);
}

/** Undoes {@link createKbSearch} (the column goes with its table). */
export async function dropKbSearch(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists kb_articles_search on kb_articles`.execute(db);
  await sql`drop function if exists kb_articles_search()`.execute(db);
  await sql`drop function if exists kb_fold(text)`.execute(db);
}
