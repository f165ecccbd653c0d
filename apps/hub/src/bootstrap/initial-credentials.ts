import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The secrets earlier hubs generated at first start and kept (mode 0600) to show at every
 * start. Hubs now show them once and write them nowhere; this file is only read, to show an
 * upgraded hub's secrets one last time, then deleted.
 */
export interface InitialCredentials {
  adminPassword?: string;
  enrollToken?: string;
}

export const INITIAL_CREDENTIALS_FILE = 'initial-credentials.json';

export function initialCredentialsPath(dataDir: string): string {
  return join(dataDir, INITIAL_CREDENTIALS_FILE);
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

/** Deletes the file. */
export async function removeInitialCredentials(dataDir: string): Promise<void> {
  await rm(initialCredentialsPath(dataDir), { force: true });
}
