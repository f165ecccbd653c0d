import type { ConnectivityView } from '../../common/bridge-api.js';

const verdict = (value: boolean | null, yes: string, no: string) => (value === null ? 'Not checked' : value ? yes : no);

/** The connectivity check in plain words. */
export function ConnectivityReport({ check }: { check: ConnectivityView }) {
  const addresses = check.adapters.flatMap((a) => a.ipv4.map((ip) => `${ip} (${a.name})`));
  const rows: Array<[string, string, boolean | null]> = [
    ['IP address', addresses.join(', ') || 'None', addresses.length > 0],
    ['Router', check.defaultGateway ? `${check.defaultGateway}: ${verdict(check.gatewayReachable, 'answers', 'does not answer')}` : 'None configured', check.gatewayReachable],
    ['Name lookup (DNS)', verdict(check.dnsResolves, 'works', 'fails'), check.dnsResolves],
    ['Help desk server', verdict(check.hubReachable, 'reachable', 'not reachable'), check.hubReachable],
  ];
  return (
    <div data-testid="connectivity-report">
      <dl>
        {rows.map(([label, value, ok]) => (
          <div className="row" key={label} data-ok={ok === null ? 'unknown' : String(ok)}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {check.notes.length > 0 && (
        <ul className="notes">
          {check.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      <p className="muted">Checked at {new Date(check.checkedAt).toLocaleTimeString()}.</p>
    </div>
  );
}
