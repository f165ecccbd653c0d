import { useCallback, useState, type FormEvent } from 'react';
import type { TotpEnrollment } from '@deskside/protocol';
import type { AdminApi } from '../api/admin-api.js';
import { SafeText } from '../components/SafeText.js';
import { errorText, useAdminLoad } from './use-admin-load.js';
import { formatDateTime } from '../format/relative-time.js';
import { LanguagePicker } from '../components/LanguagePicker.js';

/** `#/me`: two-factor sign-in setup (otpauth URI and secret as text) and the person's sessions. */
export function MePage({ api }: { api: AdminApi }) {
  const me = useAdminLoad(useCallback(() => api.me(), [api]));
  const sessions = useAdminLoad(useCallback(() => api.sessions(), [api]));
  const [enrollment, setEnrollment] = useState<TotpEnrollment | null>(null);
  const [code, setCode] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const run = async (action: () => Promise<void>, done: string) => {
    try {
      await action();
      setMessage(done);
      setCode('');
      me.reload();
      sessions.reload();
    } catch (caught) {
      setMessage(errorText(caught));
    }
  };
  const submitCode = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (enrollment) void run(async () => (await api.confirmTotp(code), setEnrollment(null)), 'Two-factor sign-in is on.');
    else void run(() => api.removeTotp(code), 'Two-factor sign-in is off.');
  };
  const totpOn = me.data?.user.totpEnabled === true;

  return (
    <section aria-labelledby="me-title">
      <h1 id="me-title">My account</h1>
      {(message ?? me.error) !== null && <p role="status" data-testid="me-message"><SafeText value={message ?? me.error ?? ''} /></p>}
      {me.data && (
        <p>
          Signed in as <SafeText value={me.data.user.username} /> ({me.data.user.role}
          {me.data.user.tier !== null ? `, tier ${me.data.user.tier}` : ''}).
        </p>
      )}
      <h2>Preferences</h2>
      <LanguagePicker />
      <h2>Two-factor sign-in</h2>
      <p data-testid="totp-state">{totpOn ? 'On: sign-in asks for a code from your authenticator app.' : 'Off.'}</p>
      {!totpOn && enrollment === null && (
        <button type="button" className="button" data-testid="totp-begin" onClick={() => void api.beginTotp().then(setEnrollment, (e: unknown) => setMessage(errorText(e)))}>
          Set up
        </button>
      )}
      {enrollment && (
        <div data-testid="totp-enrollment">
          <p>Add this account to your authenticator app (paste the link or type the secret), then enter the code it shows.</p>
          <p>Secret: <code data-testid="totp-secret">{enrollment.secret}</code></p>
          <p>Link: <code data-testid="totp-uri">{enrollment.otpauthUri}</code></p>
        </div>
      )}
      {(enrollment !== null || totpOn) && (
        <form className="admin-form" onSubmit={submitCode}>
          <label>
            Code{' '}
            <input data-testid="totp-code" inputMode="numeric" autoComplete="one-time-code" pattern="\d{6}" maxLength={6} value={code} onChange={(e) => setCode(e.target.value)} />
          </label>
          <button type="submit" className="button">{enrollment ? 'Turn on' : 'Turn off'}</button>
        </form>
      )}
      <h2>Sessions</h2>
      <table className="table" data-testid="session-list">
        <thead>
          <tr><th>Started</th><th>Expires</th><th /></tr>
        </thead>
        <tbody>
          {(sessions.data ?? []).map((s) => (
            <tr key={s.id}>
              <td>{formatDateTime(s.createdAt)}</td>
              <td>{formatDateTime(s.expiresAt)}</td>
              <td>
                {s.current ? 'this session' : (
                  <button type="button" className="button button-quiet" onClick={() => void run(() => api.revokeSession(s.id), 'Session ended.')}>
                    End
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
