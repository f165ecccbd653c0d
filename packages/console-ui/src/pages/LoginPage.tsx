import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error.js';
import { isCredentialError, loginErrorText } from './login-error-text.js';
import type { HttpClient } from '../api/http-client.js';
import type { Session } from '../api/session-store.js';

export interface LoginPageProps {
  api: HttpClient;
  onLogin: (session: Session) => void;
  /** Why the technician is here again (session ended), shown above the form. */
  notice: string | null;
}

/** Username and password; Enter submits (it is a real form). */
export function LoginPage({ api, onLogin, notice }: LoginPageProps) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [badCredentials, setBadCredentials] = useState(false);
  // Shown once the hub answers `totp_required` (the password was right; the account has two-factor).
  const [needTotp, setNeedTotp] = useState(false);
  const [totp, setTotp] = useState('');
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    usernameRef.current?.focus();
  }, []);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    if (username.trim() === '' || password === '') {
      setError('Enter your username and password');
      setBadCredentials(true);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const session = await api.login({ username: username.trim(), password, ...(needTotp && totp !== '' ? { totp } : {}) });
      onLogin(session);
    } catch (caught) {
      const wantsCode = caught instanceof ApiError && caught.code === 'totp_required';
      setError(loginErrorText(caught));
      setBadCredentials(isCredentialError(caught));
      setTotp('');
      if (wantsCode) {
        setNeedTotp(true);
        setBusy(false);
        return;
      }
      setPassword('');
      setBusy(false);
      passwordRef.current?.focus();
    }
  };

  return (
    <main className="login-screen" id="main">
      <form className="login-card" onSubmit={(event) => void submit(event)} aria-busy={busy} noValidate>
        <h1 className="login-title">
          <span className="brand-mark" aria-hidden="true" />
          Deskside
        </h1>
        <p className="login-subtitle">Sign in to the technician console</p>
        {notice !== null && error === null && (
          <p className="notice" role="status">
            {notice}
          </p>
        )}
        <div className="field">
          <label htmlFor="login-username">Username</label>
          <input
            id="login-username"
            ref={usernameRef}
            data-testid="login-username"
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={64}
            required
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            aria-invalid={badCredentials}
            aria-describedby={error !== null ? 'login-error' : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor="login-password">Password</label>
          <input
            id="login-password"
            ref={passwordRef}
            data-testid="login-password"
            name="password"
            type="password"
            autoComplete="current-password"
            maxLength={1024}
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            aria-invalid={badCredentials}
            aria-describedby={error !== null ? 'login-error' : undefined}
          />
        </div>
        {needTotp && (
          <div className="field">
            <label htmlFor="login-totp">Authenticator code</label>
            <input
              id="login-totp"
              data-testid="login-totp"
              name="totp"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="\d{6}"
              maxLength={6}
              autoFocus
              value={totp}
              onChange={(event) => setTotp(event.target.value.trim())}
            />
          </div>
        )}
        {error !== null && (
          <p className="form-error" id="login-error" data-testid="login-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button button-primary" data-testid="login-submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
