import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenStoreOptions } from './types.js';

/** The file name of the SQLite database inside a data directory. */
export const SQLITE_FILE_NAME = 'deskside.db';

/** Which engine to open, decided from the options alone. */
export type DatabaseTarget =
  | { kind: 'sqlite-file'; path: string }
  | { kind: 'sqlite-memory' }
  | { kind: 'postgres'; url: string };

/**
 * Reads `databaseUrl` (it wins) or `dataDir`. Errors name the scheme only, never the URL: a
 * PostgreSQL URL carries a password.
 */
export function resolveDatabaseTarget(options: OpenStoreOptions): DatabaseTarget {
  const { databaseUrl, dataDir } = options;
  if (databaseUrl !== undefined && databaseUrl !== '') return parseDatabaseUrl(databaseUrl);
  if (dataDir !== undefined && dataDir !== '') {
    return { kind: 'sqlite-file', path: path.join(path.resolve(dataDir), SQLITE_FILE_NAME) };
  }
  throw new Error('openStore needs a dataDir or a databaseUrl');
}

function parseDatabaseUrl(url: string): DatabaseTarget {
  if (url === 'sqlite::memory:') return { kind: 'sqlite-memory' };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'postgres' || scheme === 'postgresql') return { kind: 'postgres', url };
  if (scheme !== 'sqlite') {
    throw new Error(
      `Unsupported database URL scheme "${scheme ?? '(none)'}": use sqlite:///absolute/path.db or sqlite::memory:`,
    );
  }
  if (!url.startsWith('sqlite:///')) {
    throw new Error('A SQLite database URL needs an absolute path: sqlite:///absolute/path.db');
  }
  // Through a file: URL so percent-escapes and Windows drive letters (sqlite:///C:/x.db) work.
  const file = fileURLToPath(`file://${url.slice('sqlite://'.length)}`);
  if (/[\\/]$/.test(file)) throw new Error('A SQLite database URL must name a file');
  return { kind: 'sqlite-file', path: file };
}
