import type { Alert, DeviceSummary, Ticket } from '@deskside/protocol';
import { DefinitionList } from './DefinitionList.js';
import { RelativeTime } from './RelativeTime.js';
import { SafeText } from './SafeText.js';
import { SeverityBadge } from './SeverityBadge.js';
import { StatusBadge } from './StatusBadge.js';
import { UsageMeter } from './UsageMeter.js';
import { devicePath } from '../app/routes.js';
import { checkLabel } from '../format/alert-text.js';
import { formatBytes } from '../format/bytes.js';

export interface DeviceContextPanelProps {
  ticket: Ticket;
  /** The device's live row from the fleet feed; undefined until it arrives (or when not visible). */
  device: DeviceSummary | undefined;
  /** The device's unresolved alerts, live. */
  alerts: readonly Alert[];
  now: number;
  busy: boolean;
  onLinkAlert: (alertId: string) => Promise<boolean>;
}

/** The ticket's PC as it is now: inventory summary from the fleet feed and its open alerts, linkable in one click. */
export function DeviceContextPanel({ ticket, device, alerts, now, busy, onLinkAlert }: DeviceContextPanelProps) {
  if (ticket.deviceId === null) return null;
  const linked = new Set(ticket.linkedAlertIds);
  return (
    <section className="panel device-context" aria-labelledby="device-context-title" data-testid="ticket-device">
      <div className="panel-head">
        <h2 id="device-context-title">Device</h2>
        {device && <StatusBadge status={device.status} />}
      </div>
      {device === undefined ? (
        <p className="muted">
          <SafeText value={ticket.hostname} fallback="Unknown device" /> is not in the live fleet.
        </p>
      ) : (
        <DefinitionList
          items={[
            [
              'Hostname',
              <a key="h" href={`#${devicePath(device.id)}`} data-testid="ticket-device-link">
                <SafeText value={device.hostname} />
              </a>,
            ],
            ['OS', <SafeText key="o" value={device.os} />],
            ['CPU', <SafeText key="c" value={device.cpu} />],
            ['RAM', formatBytes(device.ramBytes)],
            ['Disk', <UsageMeter key="d" used={device.diskUsedBytes} total={device.diskTotalBytes} label="Disk used" />],
            ['IP address', <SafeText key="i" className="mono" value={device.ip} />],
            ['Last seen', <RelativeTime key="l" value={device.lastSeen} now={now} />],
          ]}
        />
      )}
      <h3>Open alerts</h3>
      {alerts.length === 0 ? (
        <p className="muted" data-testid="ticket-device-alerts-empty">
          No unresolved alert on this device.
        </p>
      ) : (
        <ul className="context-alerts" data-testid="ticket-device-alerts">
          {alerts.map((alert) => (
            <li key={alert.id} data-alert-id={alert.id}>
              <div>
                <SeverityBadge severity={alert.severity} /> {checkLabel(alert.check)} <SafeText className="mono" value={alert.subject} />
                <br />
                <SafeText className="muted" value={alert.message} />
              </div>
              {linked.has(alert.id) ? (
                <span className="tag tag-linked" data-testid="ticket-alert-linked">
                  Linked
                </span>
              ) : (
                <button type="button" className="button button-small" data-testid="ticket-link-alert" disabled={busy || ticket.status === 'closed'} onClick={() => void onLinkAlert(alert.id)}>
                  Link to ticket
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
