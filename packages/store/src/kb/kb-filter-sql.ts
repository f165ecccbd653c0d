import { type RawBuilder, sql } from 'kysely';
import type { KbFilter } from './kb-types.js';

/** The WHERE condition of a reader's filter over `kb_articles a` (portable SQL). */
export function kbFilterSql(filter: KbFilter): RawBuilder<unknown> {
  const parts: Array<RawBuilder<unknown>> = [sql`1 = 1`];
  if (filter.audiences) parts.push(filter.audiences.length === 0 ? sql`1 = 0` : sql`a.audience in (${sql.join(filter.audiences)})`);
  if (filter.statuses) parts.push(filter.statuses.length === 0 ? sql`1 = 0` : sql`a.status in (${sql.join(filter.statuses)})`);
  if (filter.siteIds) {
    const scoped = filter.siteIds.length === 0 ? sql`1 = 0` : sql`exists (select 1 from kb_article_sites s where s.article_id = a.id and s.site_id in (${sql.join(filter.siteIds)}))`;
    parts.push(sql`(not exists (select 1 from kb_article_sites s0 where s0.article_id = a.id) or ${scoped})`);
  }
  return sql.join(parts, sql` and `);
}
