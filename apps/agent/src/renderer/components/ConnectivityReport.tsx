import { useTranslation } from 'react-i18next';
import { localeFor } from '../i18n.js';
import type { ConnectivityView } from '../../common/bridge-api.js';
import { connectivityVerdict } from '../connectivity-verdict.js';
import { formatTime } from '../format.js';

const ICON = { true: '✓', false: '✕', unknown: '?' } as const;

/** The connection check in plain words: a verdict, four steps with a tick or a cross, one piece of advice. */
export function ConnectivityReport({ check, verdict = false }: { check: ConnectivityView; verdict?: boolean }) {
  const { t, i18n } = useTranslation();
  const { lines, ok, advice } = connectivityVerdict(check);
  const addresses = check.adapters.flatMap((a) => a.ipv4).join(', ');
  return (
    <div data-testid="connectivity-report" data-ok={String(ok)}>
      {verdict && (
        <div className={ok ? 'verdict' : 'verdict problem'}>
          <h2>{ok ? t('connection.allGood') : t('connection.problem')}</h2>
          <p>{ok ? t('connection.allGoodBody') : advice ? t(`connection.advice.${advice}`) : ''}</p>
        </div>
      )}
      <ul className="checks">
        {lines.map((line) => {
          const state = line.ok === null ? 'unknown' : String(line.ok);
          return (
            <li key={line.key} data-ok={state}>
              <span className="icon" aria-hidden="true">
                {ICON[state as keyof typeof ICON]}
              </span>
              <span>
                <strong>{t(`connection.${line.key}`)}</strong> {t(`connection.${line.value}`, { addresses })}
              </span>
            </li>
          );
        })}
      </ul>
      {!verdict && advice && <p>{t(`connection.advice.${advice}`)}</p>}
      <p className="muted">{t('connection.checkedAt', { time: formatTime(check.checkedAt, localeFor(i18n.language)) })}</p>
    </div>
  );
}
