import type { ServerResponse } from 'node:http';
import { EXPORT_TOTAL_HEADER, ExportQuerySchema, type ExportFormat } from '@deskside/protocol';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../log/logger.js';
import type { Actors } from '../../services/access/actor.js';
import { siteScope } from '../../services/access/site-scope.js';
import type { AssetAuditHook } from '../../services/assets/audit-hook.js';
import { utcDate } from '../../services/assets/fleet-filter.js';
import type { FleetViews } from '../../services/assets/fleet-views.js';
import { ExportAborted } from '../../services/export/byte-sink.js';
import { writeCsvExport } from '../../services/export/csv-export.js';
import { writeJsonExport } from '../../services/export/json-export.js';
import { writeXlsxExport } from '../../services/export/xlsx-export.js';
import { requireUser, type Route } from '../router.js';
import { parseWith, queryObject } from '../validate.js';

export interface ExportRoutesDeps {
  clock: Clock;
  fleet: FleetViews;
  actors: Actors;
  audit: AssetAuditHook;
  logger: Logger;
}

const FORMATS: Record<ExportFormat, { contentType: string; write: typeof writeCsvExport }> = {
  csv: { contentType: 'text/csv; charset=utf-8; header=present', write: writeCsvExport },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', write: writeXlsxExport },
  json: { contentType: 'application/json; charset=utf-8', write: writeJsonExport },
};

/**
 * GET /api/v1/export/inventory.{csv,xlsx,json}[?q=&status=&group=&warrantyWithinDays=&notSeenForDays=&lifecycle=&columns=]
 * Streams the export; `X-Total-Count` names how many devices it holds before the first byte, so
 * the console can show progress. Every export is audited (who, which filters, how many devices).
 */
export function exportRoutes(deps: ExportRoutesDeps): Route[] {
  return (Object.keys(FORMATS) as ExportFormat[]).map((format) => ({
    method: 'GET' as const,
    path: `/api/v1/export/inventory.${format}`,
    permission: 'export.read' as const,
    async handler(ctx) {
      const user = requireUser(ctx);
      const query = parseWith(ExportQuerySchema, queryObject(ctx.query), 'query');
      const scope = siteScope(user);
      const now = deps.clock();
      const { total, source } = await deps.fleet.exportPlan({ ...query, ...(scope ? { siteIds: scope } : {}) });
      const actor = await deps.actors.reader(user);
      await deps.audit({
        actorId: actor.userId,
        actorName: actor.name,
        action: 'inventory.export',
        target: `export:inventory.${format}`,
        details: { format, devices: total, query: { ...query, columns: query.columns?.join(',') } },
      });
      return {
        stream: async (res: ServerResponse) => {
          // A client that hangs up mid-export makes later writes fail: that ends the export (the
          // writers see the closed stream), it must not become an unhandled 'error' event.
          res.on('error', () => undefined);
          res.statusCode = 200;
          res.setHeader('Content-Type', FORMATS[format].contentType);
          res.setHeader('Content-Disposition', `attachment; filename="deskside-inventory-${utcDate(now)}.${format}"`);
          res.setHeader('Cache-Control', 'no-store');
          res.setHeader(EXPORT_TOTAL_HEADER, String(total));
          res.setHeader('Access-Control-Expose-Headers', EXPORT_TOTAL_HEADER);
          res.flushHeaders();
          const started = Date.now();
          try {
            const rows = await FORMATS[format].write(res, source, query.columns);
            res.end();
            deps.logger.info('export finished', { format, rows, ms: Date.now() - started });
          } catch (error) {
            if (error instanceof ExportAborted) {
              deps.logger.info('export cancelled by the client', { format });
              res.destroy();
              return;
            }
            throw error;
          }
        },
      };
    },
  }));
}
