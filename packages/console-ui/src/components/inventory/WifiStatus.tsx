import type { InventoryDocument } from '@deskside/protocol';
import { formatDateTime } from '../../format/relative-time.js';
import { formatWifiSignal, signalWord, wifiPercent, type LatestWifi } from '../../format/wifi-signal.js';
import { SafeText } from '../SafeText.js';

type Wifi = NonNullable<NonNullable<InventoryDocument['network']>['wifi']>;

/**
 * The Wi-Fi network from the inventory, with the signal from the latest heartbeat next to it.
 * The two can disagree (the inventory is sent when it changes, heartbeats every half minute), so
 * the signal says when it was measured.
 */
export function WifiStatus({ wifi, latest }: { wifi: Wifi | null | undefined; latest: LatestWifi | undefined }) {
  const measured = latest ? `measured ${formatDateTime(latest.at)}` : undefined;
  return (
    <span className="wifi-status" data-testid="wifi-status">
      {wifi ? <SafeText value={wifi.ssid} fallback="hidden network" /> : <span className="muted">network not in the inventory</span>}
      {latest?.link && (
        <>
          {' · '}
          <span className={`wifi-signal wifi-${signalWord(wifiPercent({ wifi: latest.link }) ?? 0)}`} title={measured} data-testid="wifi-signal">
            signal {formatWifiSignal(latest.link)}
          </span>
        </>
      )}
      {latest && latest.link === null && (
        <>
          {' · '}
          <span className="muted" title={measured} data-testid="wifi-signal">
            not connected now
          </span>
        </>
      )}
    </span>
  );
}
