import type { InventoryDocument } from '@deskside/protocol';
import type { LatestWifi } from '../../format/wifi-signal.js';
import { DefinitionList } from '../DefinitionList.js';
import { SafeText } from '../SafeText.js';
import { YesNo } from '../YesNo.js';
import { WifiStatus } from './WifiStatus.js';

const TYPES = { wired: 'Wired', wireless: 'Wireless', virtual: 'Virtual', other: 'Other' } as const;

/**
 * Default gateway, DNS and the Wi-Fi network (with the latest heartbeat's signal, `wifiSignal`),
 * then every adapter with its addresses.
 */
export function NetworkSection({ network, wifiSignal }: { network: NonNullable<InventoryDocument['network']>; wifiSignal?: LatestWifi | undefined }) {
  const showWifi = Boolean(network.wifi) || Boolean(wifiSignal?.link);
  return (
    <>
      <DefinitionList
        items={[
          ['Default gateway', <SafeText value={network.defaultGateway} className="mono" />],
          ['DNS servers', <AddressList values={network.dnsServers} />],
          ...(showWifi ? [['Wi-Fi', <WifiStatus wifi={network.wifi} latest={wifiSignal} />] as const] : []),
        ]}
      />
      {network.adapters.length === 0 ? (
        <p className="muted">No network adapters reported.</p>
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <table className="data-table compact">
            <caption className="visually-hidden">Network adapters</caption>
            <thead>
              <tr>
                <th scope="col">Adapter</th>
                <th scope="col">Type</th>
                <th scope="col">IPv4</th>
                <th scope="col">IPv6</th>
                <th scope="col">MAC</th>
                <th scope="col" className="num">
                  Speed
                </th>
                <th scope="col">DHCP</th>
              </tr>
            </thead>
            <tbody>
              {network.adapters.map((adapter, index) => (
                <tr key={index} className={adapter.isDefault ? 'is-default' : undefined}>
                  <th scope="row">
                    <SafeText value={adapter.name} />
                    {adapter.isDefault && <span className="tag">default</span>}
                  </th>
                  <td>{TYPES[adapter.type]}</td>
                  <td>
                    <AddressList values={adapter.ipv4} />
                  </td>
                  <td>
                    <AddressList values={adapter.ipv6} />
                  </td>
                  <td className="mono">
                    <SafeText value={adapter.mac} />
                  </td>
                  <td className="num">{adapter.speedMbps === null ? <span className="unknown">—</span> : `${adapter.speedMbps} Mb/s`}</td>
                  <td>
                    <YesNo value={adapter.dhcp} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function AddressList({ values }: { values: readonly string[] }) {
  if (values.length === 0) return <span className="unknown">—</span>;
  return (
    <ul className="address-list">
      {values.map((value, index) => (
        <li key={index} className="mono">
          <SafeText value={value} />
        </li>
      ))}
    </ul>
  );
}
