import { describe, expect, it } from 'vitest';
import { parseWith } from '../define-probe.js';
import { okValue } from '../testing/ok-value.js';
import { parseNetshWlanInterfaces } from './netsh-wlan-interfaces.js';

// Written for these tests after the layout of real output (labels padded to one column, CRLF).
const ENGLISH = `
There is 1 interface on the system:

    Name                   : Wi-Fi
    Description            : Intel(R) Wi-Fi 6 AX201 160MHz
    GUID                   : 5c0a1b2e-3f4d-4e5f-8a9b-0c1d2e3f4a5b
    Physical address       : 8c:c6:81:12:34:56
    Interface type         : Primary
    State                  : connected
    SSID                   : Office
    AP BSSID               : 74:83:c2:aa:bb:cc
    Band                   : 5 GHz
    Channel                : 36
    Network type           : Infrastructure
    Radio type             : 802.11ax
    Authentication         : WPA2-Personal
    Cipher                 : CCMP
    Connection mode        : Profile
    Receive rate (Mbps)    : 573.5
    Transmit rate (Mbps)   : 573.5
    Signal                 : 85%
    Profile                : Office
    QoS MapSet configured  : 0
    QoS Map Active         : 0

    Hosted network status  : Not available
`.replace(/\n/g, '\r\n');

const FRENCH = `
Il existe 1 interface sur le système :

    Nom                    : Wi-Fi
    Description            : Realtek RTL8822CE 802.11ac PCIe Adapter
    GUID                   : 0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0
    Adresse physique       : 3c:91:80:ab:cd:ef
    Type d'interface       : Principal
    État                   : connecté
    SSID                   : Bureau-Étage 2
    BSSID AP               : 10:27:f5:01:02:03
    Bande                  : 2,4 GHz
    Canal                  : 6
    Type de réseau         : Infrastructure
    Type de radio          : 802.11n
    Authentification       : WPA2 - Personnel
    Chiffrement            : CCMP
    Mode de connexion      : Connexion automatique
    Réception (Mbits/s)    : 144,4
    Transmission (Mbits/s) : 144,4
    Signal                 : 62 %
    Profil                 : Bureau-Étage 2
    Rssi                   : -69

    État du réseau hébergé : Non disponible
`;

const GERMAN = `
Es ist 2 Schnittstelle auf dem System vorhanden:

    Name                   : WLAN 2
    Beschreibung           : TP-Link Wireless USB Adapter
    GUID                   : 11111111-2222-3333-4444-555555555555
    Physische Adresse      : 50:3e:aa:00:11:22
    Status                 : Getrennt

    Name                   : WLAN
    Beschreibung           : Intel(R) Wi-Fi 6E AX211 160MHz
    GUID                   : 66666666-7777-8888-9999-000000000000
    Physische Adresse      : a0:b3:39:33:44:55
    Status                 : Verbunden
    SSID                   : Buero
    AP-BSSID               : 9c:53:22:66:77:88
    Band                   : 5 GHz
    Kanal                  : 100
    Netzwerktyp            : Infrastruktur
    Funktyp                : 802.11ax
    Authentifizierung      : WPA3-Personal
    Verschlüsselung        : CCMP
    Verbindungsmodus       : Profil
    Empfangsrate (MBit/s)  : 1201
    Übertragungsrate (MBit/s) : 1201
    Signal                 : 99%
    Profil                 : Buero
`;

describe('parseNetshWlanInterfaces', () => {
  it('English: the Signal percentage (CRLF, no Rssi line on older builds)', () => {
    expect(okValue(parseWith(parseNetshWlanInterfaces, ENGLISH))).toEqual({ qualityPercent: 85, rssiDbm: null });
  });

  it('French: "62 %" with its space, and the Rssi line of Windows 11', () => {
    expect(okValue(parseWith(parseNetshWlanInterfaces, FRENCH))).toEqual({ qualityPercent: 62, rssiDbm: -69 });
  });

  it('German: skips the disconnected adapter and reads the connected one', () => {
    expect(okValue(parseWith(parseNetshWlanInterfaces, GERMAN))).toEqual({ qualityPercent: 99, rssiDbm: null });
  });

  it('French decoded from the UTF-16LE a PowerShell pipe can hand over', () => {
    const bytes = Buffer.from(`\uFEFF${FRENCH}`, 'utf16le');
    expect(okValue(parseWith(parseNetshWlanInterfaces, bytes))).toEqual({ qualityPercent: 62, rssiDbm: -69 });
  });

  it('null when no interface is connected or there is none', () => {
    const disconnected = ENGLISH.replace(/ {4}Signal[^\r]*\r\n/, '').replace('connected', 'disconnected');
    expect(okValue(parseWith(parseNetshWlanInterfaces, disconnected))).toBeNull();
    expect(okValue(parseWith(parseNetshWlanInterfaces, '\r\nThere is no wireless interface on the system.\r\n'))).toBeNull();
  });

  it('does not take an Rssi line from another interface block', () => {
    const text = GERMAN.replace('    Status                 : Getrennt\n', '    Status                 : Getrennt\n    Rssi                   : -40\n');
    expect(okValue(parseNetshWlanInterfaces(text))).toEqual({ qualityPercent: 99, rssiDbm: null });
  });

  it('is unknown on empty output and on a percentage past 100', () => {
    expect(parseNetshWlanInterfaces('  \n').status).toBe('unknown');
    expect(parseNetshWlanInterfaces('    Signal : 180%\n').status).toBe('unknown');
  });
});
