import { InventoryDocumentSchema, type InventoryDocument } from '@deskside/protocol';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { LatestWifi } from '../../format/wifi-signal.js';
import { NetworkSection } from './NetworkSection.js';

type Network = NonNullable<InventoryDocument['network']>;
const network = (ssid: string | null | undefined): Network => ({
  adapters: [],
  defaultGateway: '10.0.0.1',
  dnsServers: ['10.0.0.1'],
  ...(ssid === undefined ? {} : { wifi: { ssid, bssid: null, security: 'WPA2', channel: 36 } }),
});
const render = (net: Network, wifiSignal?: LatestWifi) => renderToStaticMarkup(createElement(NetworkSection, { network: net, wifiSignal }));
const AT = '2026-03-10T12:05:00.000Z';

describe('NetworkSection: Wi-Fi network and signal', () => {
  it('fixtures are valid network sections', () => {
    const doc = { schemaVersion: 1, collectedAt: AT, agentVersion: '0.1.0', probes: [], network: network('Office') };
    expect(InventoryDocumentSchema.safeParse(doc).success).toBe(true);
  });

  it('shows the latest signal next to the SSID, with when it was measured', () => {
    const html = render(network('Office'), { at: AT, link: { signalDbm: -67, qualityPercent: 66 } });
    expect(html).toContain('<dt>Wi-Fi</dt>');
    expect(html).toMatch(/Office<\/span> · <span class="wifi-signal wifi-good" title="measured [^"]+" data-testid="wifi-signal">signal 66 % \(-67 dBm\), good/);
  });

  it('says when the PC is no longer on Wi-Fi, and shows the SSID alone when no heartbeat carried a signal', () => {
    expect(render(network('Office'), { at: AT, link: null })).toContain('not connected now');
    const plain = render(network('Office'));
    expect(plain).toContain('Office');
    expect(plain).not.toContain('wifi-signal');
  });

  it('no Wi-Fi row for a wired PC; a signal without an inventory network still shows', () => {
    expect(render(network(undefined))).not.toContain('Wi-Fi');
    expect(render({ ...network(undefined), wifi: null }, { at: AT, link: null })).not.toContain('Wi-Fi');
    expect(render(network(undefined), { at: AT, link: { signalDbm: -85, qualityPercent: 30 } })).toContain('signal 30 % (-85 dBm), poor');
  });

  it('renders a hostile SSID as text with its hidden characters revealed', () => {
    const html = render(network('free\u202Eiwf<img src=x onerror=alert(1)>'), { at: AT, link: { signalDbm: -50, qualityPercent: 100 } });
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img');
    expect(html).not.toContain('\u202E');
  });
});
