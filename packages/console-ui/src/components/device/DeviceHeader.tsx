import type { Alert, DeviceDetail, DeviceSummary } from '@deskside/protocol';
import { deviceFacts, formatUptime, openAlertsOf } from '../../format/device-facts.js';
import { RelativeTime } from '../RelativeTime.js';
import { SafeText } from '../SafeText.js';
import { StatusBadge } from '../StatusBadge.js';

export interface DeviceHeaderProps {
  id: string;
  head: DeviceSummary | DeviceDetail | null;
  detail: DeviceDetail | null;
  alerts: readonly Alert[];
  openTickets: number;
  now: number;
  refreshing: boolean;
  onRefresh: () => void;
}

/** The device in two seconds: name and state, who uses it, what it is, where it is, what is wrong; actions in one place. */
export function DeviceHeader({ id, head, detail, alerts, openTickets, now, refreshing, onRefresh }: DeviceHeaderProps) {
  const facts = deviceFacts(head && 'enrolledAt' in head ? head : null, detail, now);
  const counts = openAlertsOf(alerts, id);
  const cells: [string, React.ReactNode, string][] = [
    ['User', <SafeText key="u" value={facts.user} />, 'user'],
    ['Model', <SafeText key="m" value={facts.model} />, 'model'],
    ['Serial', <SafeText key="s" value={facts.serial} className="mono" />, 'serial'],
    ['OS', <SafeText key="o" value={facts.os} />, 'os'],
    ['IP address', <SafeText key="i" value={facts.ip} className="mono" />, 'ip'],
    ['Uptime', <span key="up" className="live-value">{formatUptime(facts.uptimeMs)}</span>, 'uptime'],
    ['Last seen', <RelativeTime key="ls" value={head?.lastSeen} now={now} />, 'last-seen'],
  ];
  return (
    <header className="device-summary panel" data-testid="device-summary">
      <div className="device-summary-top">
        <h1 data-testid="device-hostname">{head ? <SafeText value={head.hostname} /> : 'Device'}</h1>
        {head && <StatusBadge status={head.status} testId="device-status" />}
        <a
          href={`#/devices/${encodeURIComponent(id)}?tab=alerts`}
          className={`device-issue${counts.critical > 0 ? ' device-issue-critical' : counts.warning > 0 ? ' device-issue-warning' : ''}`}
          data-testid="device-open-alerts"
        >
          {counts.critical + counts.warning + counts.info} open alert{counts.critical + counts.warning + counts.info === 1 ? '' : 's'}
          {counts.critical > 0 && ` (${counts.critical} critical)`}
        </a>
        <a href={`#/devices/${encodeURIComponent(id)}?tab=tickets`} className="device-issue" data-testid="device-open-tickets">
          {openTickets} open ticket{openTickets === 1 ? '' : 's'}
        </a>
        <div className="device-actions">
          <a className="button button-primary" href={`#/tickets/new?device=${encodeURIComponent(id)}`} data-testid="device-new-ticket">
            New ticket for this device
          </a>
          <button type="button" className="button" onClick={onRefresh} disabled={refreshing}>
            {refreshing ? 'Refreshing…' : 'Refresh'}
          </button>
        </div>
      </div>
      <dl className="device-facts">
        {cells.map(([label, value, key]) => (
          <div key={key} data-fact={key}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </header>
  );
}
