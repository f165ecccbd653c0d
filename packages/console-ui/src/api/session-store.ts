import { LoginResponseSchema, type LoginResponse } from '@deskside/protocol';

/** A logged-in technician: the login answer, kept for this tab only. */
export type Session = LoginResponse;

const KEY = 'deskside.session';

/** The part of the Web Storage API used here, so tests can pass an in-memory one. */
export type SessionStorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * The session lives in sessionStorage: it survives a reload but not closing the tab, and other
 * tabs never see it. What is read back is validated like any other input.
 */
export function loadSession(storage: SessionStorageLike, now: number): Session | null {
  let raw: string | null;
  try {
    raw = storage.getItem(KEY);
  } catch {
    return null;
  }
  if (raw === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    clearSession(storage);
    return null;
  }
  const parsed = LoginResponseSchema.safeParse(value);
  if (!parsed.success || Date.parse(parsed.data.expiresAt) <= now) {
    clearSession(storage);
    return null;
  }
  return parsed.data;
}

export function saveSession(storage: SessionStorageLike, session: Session): void {
  try {
    storage.setItem(KEY, JSON.stringify(session));
  } catch {
    // Storage full or disabled: the session still works until the tab reloads.
  }
}

export function clearSession(storage: SessionStorageLike): void {
  try {
    storage.removeItem(KEY);
  } catch {
    // Nothing to clear when storage is unavailable.
  }
}
