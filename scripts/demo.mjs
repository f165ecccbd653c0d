#!/usr/bin/env node
// `npm run demo`: the hub with its own data directory (./.deskside-demo) filled with a coherent
// simulated company — two sites, ~40 PCs, alerts, tickets at every stage — kept live by simulated
// agents. Prints the console URL and login like `npm start` (DESKSIDE_ADMIN_PASSWORD honoured).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildIfMissing, onHubOutput, root } from './lib/hub-output.mjs';

const dataDir = path.resolve(process.env.DESKSIDE_DEMO_DIR ?? path.join(root, '.deskside-demo'));
const hubBin = path.join(root, 'apps/hub/bin/deskside-hub.js');
const demoBin = path.join(root, 'packages/simulator/dist/demo/main.js');
const credentialsFile = path.join(dataDir, 'demo-credentials.json');
buildIfMissing(['apps/hub/dist', 'packages/simulator/dist/demo/main.js', 'packages/console-ui/dist/index.html']);

// A demo hub is a showroom, restarted at will: its login must survive restarts, unlike a real
// hub's first-start secrets (shown once). So the demo chooses them itself, kept owner-only in its
// own throwaway folder, and hands them to the hub as an operator would.
const demoCredentials = loadDemoCredentials();
const env = {
  ...process.env,
  DESKSIDE_LOG_LEVEL: process.env.DESKSIDE_LOG_LEVEL ?? 'warn',
  DESKSIDE_ADMIN_PASSWORD: demoCredentials.adminPassword,
  DESKSIDE_ENROLL_TOKEN: demoCredentials.enrollToken,
};
const hub = spawn(process.execPath, [hubBin, '--data-dir', dataDir, ...process.argv.slice(2)], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
let fleet;
let stopping = false;

onHubOutput(hub, {
  onReady: (ready) => {
    console.log(`Demo login: admin / ${demoCredentials.adminPassword}   (kept in ${path.relative(root, credentialsFile)})`);
    startFleet(ready.url);
  },
  onLine: (line) => process.stdout.write(line + '\n'),
});

function loadDemoCredentials() {
  try {
    const saved = JSON.parse(readFileSync(credentialsFile, 'utf8'));
    if (typeof saved.adminPassword === 'string' && typeof saved.enrollToken === 'string') return saved;
  } catch {
    // First demo start (or a damaged file): choose new ones below.
  }
  // A demo folder made by an earlier version: its hub generated the login and kept it there.
  let older = {};
  try {
    older = JSON.parse(readFileSync(path.join(dataDir, 'initial-credentials.json'), 'utf8'));
  } catch {
    // None.
  }
  const fresh = {
    adminPassword: process.env.DESKSIDE_ADMIN_PASSWORD || older.adminPassword || randomBytes(12).toString('base64url'),
    enrollToken: process.env.DESKSIDE_ENROLL_TOKEN || older.enrollToken || randomBytes(24).toString('base64url'),
  };
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  writeFileSync(credentialsFile, JSON.stringify(fresh, null, 2) + '\n', { mode: 0o600 });
  return fresh;
}

function startFleet(hubUrl) {
  if (fleet || stopping) return;
  console.log('Filling the demo hub with a simulated company (first start takes a few seconds)…');
  fleet = spawn(process.execPath, [demoBin, '--hub', hubUrl, '--data-dir', dataDir], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
  fleet.on('exit', (code, signal) => {
    if (!stopping) console.error(`[demo fleet] exited (${signal ?? code}); the hub keeps running.`);
  });
}

function stop(signal) {
  if (stopping) return;
  stopping = true;
  if (fleet && fleet.exitCode === null) fleet.kill(signal);
  hub.kill(signal);
}

process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
hub.on('exit', (code, signal) => {
  if (fleet && fleet.exitCode === null) fleet.kill('SIGTERM');
  process.exit(code ?? (signal ? 0 : 1));
});
