import type { ConsoleSocketData, KbFile, KbImportResult, KbReport, KbReportQuery } from '@deskside/protocol';
import { exportFolder, importFolder } from './kb-folder.js';
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
  /** The articles as Markdown files with front matter (a folder). */
  exportFolder(who: Pick<ConsoleSocketData, 'role' | 'siteIds'>): Promise<KbFile[]>;
  importFolder(who: Pick<ConsoleSocketData, 'userId' | 'role' | 'siteIds'>, files: readonly KbFile[]): Promise<KbImportResult>;
}

export function createKb(deps: KbDeps): KbService {
  const articles = createKbArticles(deps);
  return {
    articles,
    tray: createKbTray(deps),
    tickets: createKbTickets(deps),
    report: (who, query) => kbReport(deps, who, query),
    exportFolder: (who) => exportFolder(deps, who),
    importFolder: (who, files) => importFolder(articles, deps, who, files),
  };
}
