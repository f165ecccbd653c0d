import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.js';
import { fromMs } from '../mapping/time.js';
import { isPostgres } from '../mapping/dialect.js';
import { ticketTextMatch } from '../tickets/ticket-text-match.js';
import type { SearchRepository } from './search-types.js';

/** `%term%` for LIKE with `\` as the escape character. */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const ESC = sql.lit('\\');

/**
 * Text look-ups for the console's global search, newest first, bounded by `limit`: tickets through
 * their full-text index, the rest as case-insensitive substring matches. Scoped by site where the records are (tickets, alerts through their
 * device). Alerts and users are small enough that LIKE scans answer in time.
 */
export function createSearchRepository(db: Kysely<Database>): SearchRepository {
  const postgres = isPostgres(db);
  return {
    async tickets({ text, number, siteIds, limit }) {
      // The full-text index (migration 0020): each word starts a word of the subject, description
      // or requester; a LIKE scan of 20,000 rows took most of a search's time.
      let q = db
        .selectFrom('tickets')
        .select(['id', 'number', 'subject', 'status', 'priority', 'requester', 'site_id', 'device_id', 'updated_at'])
        .where((eb) => eb.or([...(number !== null ? [eb('number', '=', number)] : []), ticketTextMatch(text, postgres)]))
        .where('merged_into_id', 'is', null);
      if (siteIds !== undefined) q = q.where('site_id', 'in', siteIds.length > 0 ? [...siteIds] : ['']);
      const rows = await q.orderBy('updated_at', 'desc').limit(limit).execute();
      return rows.map((r) => ({
        id: r.id,
        number: Number(r.number),
        subject: r.subject,
        status: r.status,
        priority: r.priority,
        requesterJson: r.requester,
        siteId: r.site_id,
        deviceId: r.device_id,
        updatedAt: fromMs(r.updated_at),
      }));
    },
    async alerts({ text, siteIds, limit }) {
      const like = likePattern(text.toLowerCase());
      let q = db
        .selectFrom('alerts')
        .innerJoin('devices', 'devices.id', 'alerts.device_id')
        .select(['alerts.id', 'alerts.message', 'alerts.severity', 'alerts.state', 'alerts.check_id', 'alerts.raised_at', 'devices.hostname', 'devices.id as device_id'])
        .where('alerts.state', '!=', 'resolved')
        .where((eb) =>
          eb.or([
            sql<boolean>`lower(alerts.message) like ${like} escape ${ESC}`,
            sql<boolean>`lower(alerts.check_id) like ${like} escape ${ESC}`,
            sql<boolean>`lower(alerts.subject) like ${like} escape ${ESC}`,
          ]),
        );
      if (siteIds !== undefined) q = q.where('devices.site_id', 'in', siteIds.length > 0 ? [...siteIds] : ['']);
      const rows = await q.orderBy('alerts.raised_at', 'desc').limit(limit).execute();
      return rows.map((r) => ({
        id: r.id,
        message: r.message,
        severity: r.severity,
        state: r.state,
        checkId: r.check_id,
        raisedAt: fromMs(r.raised_at),
        deviceId: r.device_id,
        hostname: r.hostname,
      }));
    },
    async users({ text, limit }) {
      const like = likePattern(text.toLowerCase());
      const rows = await db
        .selectFrom('users')
        .select(['id', 'username', 'display_name', 'role', 'disabled_at'])
        .where((eb) => eb.or([sql<boolean>`lower(username) like ${like} escape ${ESC}`, sql<boolean>`lower(display_name) like ${like} escape ${ESC}`]))
        .orderBy('username')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ id: r.id, username: r.username, displayName: r.display_name, role: r.role, disabled: r.disabled_at !== null }));
    },
  };
}
