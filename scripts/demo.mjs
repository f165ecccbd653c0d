#!/usr/bin/env node
// `npm run demo`: the hub with its own data directory (./.deskside-demo) filled with a coherent
// simulated company — two sites, ~40 PCs, alerts, tickets at every stage — kept live by simulated
// agents. Prints the console URL and login like `npm start` (DESKSIDE_ADMIN_PASSWORD honoured).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildIfMissing, onHubOutput, root } from './lib/hub-output.mjs';

const dataDir = path.resolve(process.env.DESKSIDE_DEMO_DIR ?? path.join(root, '.deskside-demo'));
const hubBin = path.join(root, 'apps/hub/bin/deskside-hub.js');
const demoBin = path.join(root, 'packages/simulator/dist/demo/main.js');
buildIfMissing(['apps/hub/dist', 'packages/simulator/dist/demo/main.js', 'packages/console-ui/dist/index.html']);

const env = { ...process.env, DESKSIDE_LOG_LEVEL: process.env.DESKSIDE_LOG_LEVEL ?? 'warn' };
const hub = spawn(process.execPath, [hubBin, '--data-dir', dataDir, ...process.argv.slice(2)], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
let fleet;
let stopping = false;

onHubOutput(hub, { onReady: (ready) => startFleet(ready.url), onLine: (line) => process.stdout.write(line + '\n') });

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
