import { describe, expect, it } from 'vitest';
import { clearSession, loadSession, saveSession, type Session, type SessionStorageLike } from './session-store.js';

function memoryStorage(): SessionStorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

const NOW = Date.parse('2026-03-10T12:00:00Z');
const session: Session = {
  token: 'tok-1234567890abcdef',
  user: { id: '01J00000000000000000000001', username: 'admin', displayName: 'Administrator', role: 'admin' },
  expiresAt: '2026-03-10T20:00:00Z',
};

describe('session store', () => {
  it('round-trips a session', () => {
    const storage = memoryStorage();
    saveSession(storage, session);
    expect(loadSession(storage, NOW)).toEqual(session);
    clearSession(storage);
    expect(loadSession(storage, NOW)).toBeNull();
  });

  it('drops an expired session', () => {
    const storage = memoryStorage();
    saveSession(storage, session);
    expect(loadSession(storage, Date.parse('2026-03-11T00:00:00Z'))).toBeNull();
    expect(storage.data.size).toBe(0);
  });

  it('drops tampered or malformed data', () => {
    const storage = memoryStorage();
    storage.setItem('deskside.session', '{not json');
    expect(loadSession(storage, NOW)).toBeNull();
    storage.setItem('deskside.session', JSON.stringify({ ...session, user: { ...session.user, role: 'root' } }));
    expect(loadSession(storage, NOW)).toBeNull();
    expect(storage.data.size).toBe(0);
  });
});
