import { describe, expect, it } from 'vitest';
import { parseWith } from '../define-probe.js';
import { okValue } from '../testing/ok-value.js';
import { parseSpAirportJson } from './sp-airport-json.js';

// Written for these tests after the shape of real output (macOS 13–15; other keys trimmed).
const joined = (signalNoise: unknown) =>
  JSON.stringify({
    SPAirPortDataType: [
      {
        spairport_airport_interfaces: [
          { _name: 'awdl0', spairport_wireless_card_type: 'spairport_wireless_card_type_wifi' },
          {
            _name: 'en0',
            spairport_status_information: 'spairport_status_connected',
            spairport_current_network_information: {
              _name: '<redacted>',
              spairport_network_channel: '149 (5GHz, 80MHz)',
              spairport_network_phymode: '802.11ac',
              spairport_signal_noise: signalNoise,
            },
            spairport_airport_other_local_wireless_networks: [{ _name: 'Neighbour', spairport_signal_noise: '-81 dBm / -95 dBm' }],
          },
        ],
        spairport_software_information: { spairport_corewlan_version: '16.0 (1657)' },
      },
    ],
  });

describe('parseSpAirportJson', () => {
  it('reads signal and noise of the joined network', () => {
    expect(okValue(parseWith(parseSpAirportJson, joined('-58 dBm / -92 dBm')))).toEqual({ signalDbm: -58, noiseDbm: -92 });
  });

  it('keeps the signal when the noise is missing', () => {
    expect(okValue(parseSpAirportJson(joined('-71 dBm')))).toEqual({ signalDbm: -71, noiseDbm: null });
  });

  it('null when Wi-Fi is on but not joined (only nearby networks carry a signal)', () => {
    const text = JSON.stringify({
      SPAirPortDataType: [{ spairport_airport_interfaces: [{ _name: 'en0', spairport_status_information: 'spairport_status_disconnected', spairport_airport_other_local_wireless_networks: [{ spairport_signal_noise: '-60 dBm / -90 dBm' }] }] }],
    });
    expect(okValue(parseSpAirportJson(text))).toBeNull();
  });

  it('null for a Mac without Wi-Fi, and skips nonsense signal values', () => {
    expect(okValue(parseSpAirportJson('{"SPAirPortDataType":[{}]}'))).toBeNull();
    expect(okValue(parseSpAirportJson(joined('0 dBm / -92 dBm')))).toBeNull();
    expect(okValue(parseSpAirportJson(joined(-58)))).toBeNull();
  });

  it('is unknown for truncated output or another data type', () => {
    expect(parseSpAirportJson(joined('-58 dBm / -92 dBm').slice(0, 80)).status).toBe('unknown');
    expect(parseSpAirportJson('{"SPPowerDataType":[]}').status).toBe('unknown');
  });
});
