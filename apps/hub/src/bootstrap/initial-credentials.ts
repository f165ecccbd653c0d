import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The secrets the hub generated at first start, kept (mode 0600) so `npm start` can show them
 * again. Only generated secrets go in it: one the operator chose is theirs to remember.
 */
export interface InitialCredentials {
  adminPassword?: string;
  enrollToken?: string;
}

export const INITIAL_CREDENTIALS_FILE = 'initial-credentials.json';

export function initialCredentialsPath(dataDir: string): string {
  return join(dataDir, INITIAL_CREDENTIALS_FILE);
}

/** Writes the file atomically, readable by its owner only. */
export async function writeInitialCredentials(dataDir: string, credentials: InitialCredentials): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const path = initialCredentialsPath(dataDir);
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(credentials, null, 2) + '\n', { mode: 0o600, flag: 'w' });
  // `mode` only applies when the file is created; make sure of it even if a stale tmp existed.
  await chmod(tmp, 0o600);
  await rename(tmp, path);
}

/** The file's contents, or `undefined` when it is missing or unreadable (never a crash at start-up). */
export async function readInitialCredentials(dataDir: string): Promise<InitialCredentials | undefined> {
  let raw: string;
  try {
    raw = await readFile(initialCredentialsPath(dataDir), 'utf8');
  } catch {
    return undefined;
  }
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  const { adminPassword, enrollToken } = value as Record<string, unknown>;
  const out: InitialCredentials = {};
  if (isBounded(adminPassword, 1, 1024)) out.adminPassword = adminPassword;
  if (isBounded(enrollToken, 8, 256)) out.enrollToken = enrollToken;
  return out;
}

function isBounded(v: unknown, min: number, max: number): v is string {
  return typeof v === 'string' && v.length >= min && v.length <= max;
}

/** Deletes the file (its secrets were all rotated or expired). */
export async function removeInitialCredentials(dataDir: string): Promise<void> {
  await rm(initialCredentialsPath(dataDir), { force: true });
}
