#!/usr/bin/env node
// Pulls the device list from a Deskside hub as CSV (hostname, status, OS, last seen), e.g. for a
// nightly Snipe-IT or spreadsheet import. Needs Node 20+ and an API token with `devices:read`:
//
//   DESKSIDE_URL=https://hub.example:4800 DESKSIDE_TOKEN=dsk_... node devices-to-csv.mjs > devices.csv
//
// Exits 1 with the hub's error message when the token is missing, revoked or lacks the scope.
const base = process.env.DESKSIDE_URL;
const token = process.env.DESKSIDE_TOKEN;
if (!base || !token) {
  console.error('Set DESKSIDE_URL and DESKSIDE_TOKEN.');
  process.exit(2);
}
const res = await fetch(new URL('/api/v1/devices', base), { headers: { authorization: `Bearer ${token}` } });
const body = await res.json();
if (!res.ok) {
  console.error(`HTTP ${res.status} ${body.error?.code ?? ''}: ${body.error?.message ?? 'request failed'}`);
  process.exit(1);
}
const cell = (v) => {
  const s = v === null || v === undefined ? '' : String(v);
  // Quote, and defuse spreadsheet formulas (=, +, -, @ at the start).
  return `"${(/^[=+\-@\t\r]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"`;
};
console.log(['hostname', 'status', 'os', 'lastSeen'].join(','));
for (const d of body.devices) console.log([d.hostname, d.status, d.os, d.lastSeen].map(cell).join(','));
