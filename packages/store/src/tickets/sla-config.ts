import type { Kysely } from 'kysely';
import type { BusinessCalendar, Priority, SlaTarget } from '@deskside/protocol';
import { fromJson } from '../mapping/json.js';
import type { Database } from '../schema.js';
import type { SlaConfigRepository } from './ticket-types.js';
import { atomically } from '../repositories/atomically.js';

/** SLA targets per priority and business calendars per site (the hub validates what it stores). */
export function createSlaConfigRepository(db: Kysely<Database>): SlaConfigRepository {
  return {
    async get() {
      const targets: Partial<Record<Priority, SlaTarget>> = {};
      for (const row of await db.selectFrom('sla_targets').selectAll().execute()) {
        targets[row.priority as Priority] = {
          firstResponseMinutes: Number(row.first_response_minutes),
          resolutionMinutes: Number(row.resolution_minutes),
        };
      }
      const calendars = (await db.selectFrom('business_calendars').selectAll().orderBy('site_id').execute()).map((r) => ({
        siteId: r.site_id,
        calendar: fromJson(r.calendar) as BusinessCalendar,
      }));
      return { targets, calendars };
    },
    async replace(config) {
      await atomically(db, async (trx) => {
        await trx.deleteFrom('sla_targets').execute();
        await trx.deleteFrom('business_calendars').execute();
        const targets = Object.entries(config.targets).map(([priority, t]) => ({
          priority,
          first_response_minutes: t.firstResponseMinutes,
          resolution_minutes: t.resolutionMinutes,
        }));
        if (targets.length > 0) await trx.insertInto('sla_targets').values(targets).execute();
        for (const c of config.calendars) {
          await trx.insertInto('business_calendars').values({ site_id: c.siteId, calendar: JSON.stringify(c.calendar) }).execute();
        }
      });
    },
  };
}
