import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../schema.js';
import { NulSafePlugin } from '../mapping/nul-safe-plugin.js';

/** Connections one hub holds at most (each hub of a cluster has its own pool). */
export const POOL_SIZE = 16;

// Read int8 (instants in epoch ms, byte counts, count(*)) and numeric (sum()) as numbers, as
// SQLite does: every value the store keeps is far below 2^53. JSON and jsonb come back as text,
// so the one mapping layer (mapping/json.ts) parses and validates both engines' rows alike.
const INT8 = 20;
const NUMERIC = 1700;
const JSON_OID = 114;
const JSONB = 3802;
const asNumber = (value: string): number => Number(value);
const asText = (value: string): string => value;
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8 || oid === NUMERIC) return asNumber;
    if (oid === JSON_OID || oid === JSONB) return asText;
    return format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : pg.types.getTypeParser(oid, 'text');
  },
};

/** A Kysely instance on a `pg` pool, and the pool itself (the socket.io adapter shares it). */
export interface PostgresHandle {
  readonly db: Kysely<Database>;
  readonly pool: pg.Pool;
}

const pools = new WeakMap<Kysely<Database>, pg.Pool>();

/**
 * Opens a pool on `url` (postgres://user[:password]@host[:port]/db; without a password in the
 * URL, `pg` takes PGPASSWORD). Nothing here logs the URL: it may carry the password.
 */
export function openPostgres(url: string, poolSize = POOL_SIZE): PostgresHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    types,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    application_name: 'deskside-hub',
  });
  // An idle client whose server went away emits 'error' on the pool: without a listener that
  // would crash the hub. The next query fails (or reconnects) and is answered as usual.
  pool.on('error', () => undefined);
  // Likewise a checked-out client (a transaction, or the socket.io adapter's LISTEN connection)
  // whose server goes away: its query fails or its 'end' fires, but an 'error' without a
  // listener would take the whole hub down.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new NulSafePlugin()] });
  pools.set(db, pool);
  return { db, pool };
}

/** The pool under a Kysely instance made by {@link openPostgres}. */
export function postgresPoolOf(db: Kysely<Database>): pg.Pool | undefined {
  return pools.get(db);
}

/** The URL with any password replaced, for messages and logs. */
export function redactDatabaseUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:@/]*):[^@/]*@/i, '$1:***@');
}
