/**
 * @deskside/store: the hub's persistence. Open it with `openStore`; everything else is the record
 * and repository types it works with. Kysely and the dialects stay inside.
 */
export { openStore } from './open-store.js';
export type * from './types.js';
export { findPostgresBin, startLocalPostgres, type LocalPostgres, type LocalPostgresOptions } from './postgres/local-postgres.js';
export { resolveDatabaseTarget, SQLITE_FILE_NAME, type DatabaseTarget } from './database-url.js';
