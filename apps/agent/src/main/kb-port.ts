import type { EmployeeArticle } from '@deskside/protocol';

/**
 * The slice of agent-core's `KbDesk` the tray uses (Get help suggestions, Help articles). Declared
 * as a shape so the shell does not depend on the desk's internals; the desk satisfies it.
 */
export interface KbPort {
  search(q: string, limit: number, log: boolean): Promise<{ articles: EmployeeArticle[]; offline: boolean }>;
  library(): Promise<{ articles: readonly EmployeeArticle[]; syncedAt: string | null; offline: boolean }>;
  article(id: string): Promise<EmployeeArticle | null>;
  deflect(articleId: string, subject: string): Promise<void>;
  feedback(articleId: string, helpful: boolean, comment: string): Promise<void>;
}
