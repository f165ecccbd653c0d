import type { Store } from '@deskside/store';
import type { Clock } from '../../clock.js';
import type { AuditService } from '../audit/audit-service.js';
import type { UploadBudget } from '../uploads/upload-budget.js';
import type { KbImageFiles } from './kb-images.js';

/** What the knowledge base services are built from (the composition root passes them in). */
export interface KbDeps {
  store: Store;
  clock: Clock;
  audit: AuditService;
  newId: () => string;
  images: KbImageFiles;
  /** Every image counts against its uploader's daily storage. */
  uploads: UploadBudget;
}
