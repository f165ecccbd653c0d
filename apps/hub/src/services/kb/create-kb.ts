import type { ConsoleSocketData, KbReport, KbReportQuery } from '@deskside/protocol';
import { createKbArticles, type KbArticles } from './kb-articles.js';
import type { KbDeps } from './kb-deps.js';
import { kbReport } from './kb-report.js';
import { createKbTickets, type KbTickets } from './kb-tickets.js';
import { createKbTray, type KbTray } from './kb-tray.js';

/** The knowledge base, built once by the composition root and handed to routes and handlers. */
export interface KbService {
  readonly articles: KbArticles;
  readonly tray: KbTray;
  readonly tickets: KbTickets;
  report(who: Pick<ConsoleSocketData, 'role' | 'siteIds'>, query: KbReportQuery): Promise<KbReport>;
}

export function createKb(deps: KbDeps): KbService {
  return {
    articles: createKbArticles(deps),
    tray: createKbTray(deps),
    tickets: createKbTickets(deps),
    report: (who, query) => kbReport(deps, who, query),
  };
}
