import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localeFor } from '../i18n.js';
import type { DiagnosticsView } from '../../common/bridge-api.js';
import { formatBytes, formatPercent } from '../format.js';
import { ConnectivityReport } from './ConnectivityReport.js';

type Load = { state: 'loading' } | { state: 'ready'; bundle: DiagnosticsView } | { state: 'failed' };

/** Everything that will be attached, shown before sending: nothing goes that the employee cannot see. */
export function DiagnosticsPanel() {
  const { t, i18n } = useTranslation();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const lang = localeFor(i18n.language);

  useEffect(() => {
    let live = true;
    window.deskside.getDiagnosticsPreview().then(
      (bundle) => live && setLoad({ state: 'ready', bundle }),
      () => live && setLoad({ state: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, []);

  if (load.state === 'loading') return <p className="muted">{t('diagnostics.collecting')}</p>;
  if (load.state === 'failed') return <p className="muted">{t('diagnostics.failed')}</p>;
  const { bundle } = load;
  const s = bundle.summary;
  const unknown = t('diagnostics.unknown');
  const peak = (values: number[]) => (values.length === 0 ? '—' : formatPercent(Math.max(...values), lang));
  const yesNo = (value: boolean | null) => (value === null ? unknown : value ? t('diagnostics.yes') : t('diagnostics.no'));
  const rows: Array<[string, string]> = [
    [t('diagnostics.computer'), s.hostname],
    [t('diagnostics.user'), s.user ?? unknown],
    [t('diagnostics.os'), s.os ?? unknown],
    [t('diagnostics.model'), s.model ?? unknown],
    [t('diagnostics.serial'), s.serial ?? unknown],
    [t('diagnostics.cpu'), s.cpu ?? unknown],
    [t('diagnostics.memory'), s.ramBytes === null ? unknown : formatBytes(s.ramBytes, lang)],
    [t('diagnostics.ip'), s.ip ?? unknown],
    [t('diagnostics.restartPending'), yesNo(bundle.rebootPending)],
    [t('diagnostics.batteryWear'), bundle.batteryWearPercent === null ? t('diagnostics.noBattery') : formatPercent(bundle.batteryWearPercent, lang)],
    [
      t('diagnostics.peaks'),
      t('diagnostics.peaksValue', {
        cpu: peak(bundle.samples.map((p) => p.cpuPercent)),
        memory: peak(bundle.samples.map((p) => p.memoryPercent)),
        disk: peak(bundle.samples.flatMap((p) => (p.diskPercent === null ? [] : [p.diskPercent]))),
      }),
    ],
  ];
  return (
    <details className="diagnostics" data-testid="diagnostics-panel">
      <summary>{t('diagnostics.summary')}</summary>
      <dl className="summary-list">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h3>{t('diagnostics.alerts')}</h3>
      {bundle.openAlerts.length === 0 ? (
        <p className="muted">{t('diagnostics.noAlerts')}</p>
      ) : (
        <ul>
          {bundle.openAlerts.map((a) => (
            <li key={`${a.check}:${a.subject}`}>{a.message}</li>
          ))}
        </ul>
      )}
      <h3>{t('diagnostics.software')}</h3>
      {bundle.recentSoftware.length === 0 ? (
        <p className="muted">{t('diagnostics.noSoftware')}</p>
      ) : (
        <ul>
          {bundle.recentSoftware.map((sw) => (
            <li key={`${sw.name}:${sw.change}:${sw.at ?? ''}`}>
              {sw.name} {sw.version ?? ''} — {t(`diagnostics.change.${sw.change}`)}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('connection.title')}</h3>
      {bundle.connectivity ? <ConnectivityReport check={bundle.connectivity} /> : <p className="muted">{t('connection.notChecked')}</p>}
    </details>
  );
}
