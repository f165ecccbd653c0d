import { type Kysely, type Migration, sql, SqliteAdapter } from 'kysely';
import { isPostgres } from '../mapping/dialect.js';
import { createKbSearch, dropKbSearch } from './postgres-search.js';

/**
 * The knowledge base: articles with per-site visibility, full version history, feedback,
 * deflections (requests the tray ended without a ticket), logged searches and image attachments.
 * On SQLite also the full-text index: an FTS5 table over the articles (external content, kept in
 * step by triggers) and its vocabulary (for prefix and typo correction). A PostgreSQL store adds
 * its own: a weighted tsvector column kept by a trigger, GIN-indexed (postgres-search.ts).
 */
export const knowledgeBaseMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('kb_articles')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('tags', 'text', (c) => c.notNull())
      .addColumn('audience', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('related_ids', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addColumn('reviewed_at', 'bigint', (c) => c.notNull())
      .addColumn('author_id', 'text')
      .addColumn('author_name', 'text', (c) => c.notNull())
      .addColumn('updated_by_name', 'text', (c) => c.notNull())
      .addColumn('source_ticket_id', 'text')
      .addColumn('views', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('kb_articles_updated').on('kb_articles').columns(['updated_at']).execute();
    await db.schema.createIndex('kb_articles_reviewed').on('kb_articles').columns(['status', 'reviewed_at']).execute();
    await db.schema
      .createTable('kb_article_sites')
      .addColumn('article_id', 'text', (c) => c.notNull().references('kb_articles.id').onDelete('cascade'))
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('kb_article_sites_pk', ['article_id', 'site_id'])
      .execute();
    await db.schema
      .createTable('kb_article_versions')
      .addColumn('article_id', 'text', (c) => c.notNull().references('kb_articles.id').onDelete('cascade'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('author_name', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('kb_article_versions_pk', ['article_id', 'version'])
      .execute();
    await db.schema
      .createTable('kb_feedback')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('article_id', 'text', (c) => c.notNull().references('kb_articles.id').onDelete('cascade'))
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('helpful', 'integer', (c) => c.notNull())
      .addColumn('comment', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('device_id', 'text')
      .addColumn('user_id', 'text')
      .execute();
    await db.schema.createIndex('kb_feedback_article').on('kb_feedback').columns(['article_id', 'at']).execute();
    await db.schema
      .createTable('kb_deflections')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('article_id', 'text', (c) => c.notNull().references('kb_articles.id').onDelete('cascade'))
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('site_id', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('kb_deflections_at').on('kb_deflections').columns(['at']).execute();
    await db.schema.createIndex('kb_deflections_article').on('kb_deflections').columns(['article_id']).execute();
    await db.schema
      .createTable('kb_searches')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('query', 'text', (c) => c.notNull())
      .addColumn('results', 'integer', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('kb_searches_at').on('kb_searches').columns(['at']).execute();
    await db.schema
      .createTable('kb_article_tickets')
      .addColumn('article_id', 'text', (c) => c.notNull().references('kb_articles.id').onDelete('cascade'))
      .addColumn('ticket_id', 'text', (c) => c.notNull())
      .addColumn('relation', 'text', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('kb_article_tickets_pk', ['article_id', 'ticket_id', 'relation'])
      .execute();
    await db.schema.createIndex('kb_article_tickets_ticket').on('kb_article_tickets').columns(['ticket_id']).execute();
    await db.schema
      .createTable('kb_attachments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('article_id', 'text', (c) => c.notNull().references('kb_articles.id').onDelete('cascade'))
      .addColumn('media_type', 'text', (c) => c.notNull())
      .addColumn('bytes', 'integer', (c) => c.notNull())
      .addColumn('width', 'integer', (c) => c.notNull())
      .addColumn('height', 'integer', (c) => c.notNull())
      .addColumn('storage_path', 'text', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('kb_attachments_article').on('kb_attachments').columns(['article_id']).execute();
    if (db.getExecutor().adapter instanceof SqliteAdapter) await createSqliteFullText(db);
    if (isPostgres(db)) await createKbSearch(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    if (db.getExecutor().adapter instanceof SqliteAdapter) {
      for (const t of ['kb_articles_ai', 'kb_articles_ad', 'kb_articles_au']) await sql`drop trigger if exists ${sql.id(t)}`.execute(db);
      await sql`drop table if exists kb_fts_vocab`.execute(db);
      await sql`drop table if exists kb_fts`.execute(db);
    }
    if (isPostgres(db)) await dropKbSearch(db);
    for (const t of ['kb_attachments', 'kb_article_tickets', 'kb_searches', 'kb_deflections', 'kb_feedback', 'kb_article_versions', 'kb_article_sites', 'kb_articles']) {
      await db.schema.dropTable(t).execute();
    }
  },
};

/** Unaccented, case-folded words (no stemmer: kb-query.ts expands prefixes and typos itself). */
async function createSqliteFullText(db: Kysely<unknown>): Promise<void> {
  await sql`create virtual table kb_fts using fts5(title, tags, category, body, content='kb_articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', prefix='2 3 4')`.execute(db);
  await sql`create virtual table kb_fts_vocab using fts5vocab(kb_fts, 'row')`.execute(db);
  await sql`create trigger kb_articles_ai after insert on kb_articles begin
      insert into kb_fts(rowid, title, tags, category, body) values (new.rowid, new.title, new.tags, new.category, new.body);
    end`.execute(db);
  await sql`create trigger kb_articles_ad after delete on kb_articles begin
      insert into kb_fts(kb_fts, rowid, title, tags, category, body) values ('delete', old.rowid, old.title, old.tags, old.category, old.body);
    end`.execute(db);
  await sql`create trigger kb_articles_au after update of title, tags, category, body on kb_articles begin
      insert into kb_fts(kb_fts, rowid, title, tags, category, body) values ('delete', old.rowid, old.title, old.tags, old.category, old.body);
      insert into kb_fts(rowid, title, tags, category, body) values (new.rowid, new.title, new.tags, new.category, new.body);
    end`.execute(db);
}
