import { type Kysely, type Migration, sql } from 'kysely';
import { isPostgres } from '../mapping/dialect.js';
import { ensureExtension } from './postgres-search.js';

/**
 * The ticket queue at 20,000 tickets: a full-text index over subject, description and the
 * requester's name and email (the queue's and the global search's text match), and indexes for
 * the queue's server-side pages (status + priority + age, status + update time).
 *
 * SQLite: an FTS5 table keyed by the ticket's rowid, kept in step by triggers (the requester is
 * JSON, so the table holds its own folded copy of the text rather than external content).
 * PostgreSQL: a `search` tsvector column kept by a trigger ('simple' configuration, so prefixes
 * match as on SQLite), GIN-indexed.
 */
export const ticketSearchMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.createIndex('tickets_queue_order').on('tickets').columns(['status', 'priority', 'created_at']).execute();
    await db.schema.createIndex('tickets_status_updated').on('tickets').columns(['status', 'updated_at']).execute();
    if (isPostgres(db)) {
      // Folded like the knowledge base's text (lower, and unaccent where contrib has it), so
      // "muller" finds "Müller" as SQLite's remove_diacritics does; the query side folds the same.
      const fold = (await ensureExtension(db, 'unaccent')) ? sql.raw('lower(unaccent(t))') : sql.raw('lower(t)');
      await sql`create function tickets_fold(t text) returns text language sql stable as $$ select ${fold} $$`.execute(db);
      await sql`alter table tickets add column search tsvector not null default ''`.execute(db);
      await sql`create function tickets_search() returns trigger language plpgsql as $$
        begin
          new.search := to_tsvector('simple', tickets_fold(
            coalesce(new.subject, '') || ' ' || coalesce(new.description, '') || ' ' ||
            coalesce(new.requester::jsonb ->> 'name', '') || ' ' || coalesce(new.requester::jsonb ->> 'email', '')));
          return new;
        end $$`.execute(db);
      await sql`create trigger tickets_search before insert or update of subject, description, requester
        on tickets for each row execute function tickets_search()`.execute(db);
      // Fill the column for the tickets already there (the trigger fires on this no-op update).
      await sql`update tickets set subject = subject`.execute(db);
      await sql`create index tickets_search_gin on tickets using gin (search)`.execute(db);
      return;
    }
    await sql`create virtual table tickets_fts using fts5(subject, description, requester, tokenize='unicode61 remove_diacritics 2', prefix='2 3')`.execute(db);
    const row = (alias: 'new' | 't') =>
      sql.raw(`${alias}.subject, ${alias}.description, coalesce(json_extract(${alias}.requester, '$.name'), '') || ' ' || coalesce(json_extract(${alias}.requester, '$.email'), '')`);
    await sql`create trigger tickets_fts_ai after insert on tickets begin
      insert into tickets_fts(rowid, subject, description, requester) values (new.rowid, ${row('new')});
    end`.execute(db);
    await sql`create trigger tickets_fts_ad after delete on tickets begin
      delete from tickets_fts where rowid = old.rowid;
    end`.execute(db);
    await sql`create trigger tickets_fts_au after update of subject, description, requester on tickets begin
      delete from tickets_fts where rowid = old.rowid;
      insert into tickets_fts(rowid, subject, description, requester) values (new.rowid, ${row('new')});
    end`.execute(db);
    await sql`insert into tickets_fts(rowid, subject, description, requester) select t.rowid, ${row('t')} from tickets t`.execute(db);
  },

  async down(db: Kysely<unknown>): Promise<void> {
    if (isPostgres(db)) {
      await sql`drop trigger if exists tickets_search on tickets`.execute(db);
      await sql`drop function if exists tickets_search()`.execute(db);
      await sql`drop index if exists tickets_search_gin`.execute(db);
      await sql`alter table tickets drop column if exists search`.execute(db);
      await sql`drop function if exists tickets_fold(text)`.execute(db);
    } else {
      for (const t of ['tickets_fts_ai', 'tickets_fts_ad', 'tickets_fts_au']) await sql`drop trigger if exists ${sql.id(t)}`.execute(db);
      await sql`drop table if exists tickets_fts`.execute(db);
    }
    await db.schema.dropIndex('tickets_status_updated').ifExists().execute();
    await db.schema.dropIndex('tickets_queue_order').ifExists().execute();
  },
};
