#!/usr/bin/env node
// `npm run tray:preview [-- --port N] [--hub-port N]`: the tray's four windows in a browser. Starts a
// throwaway hub (fresh data directory, removed on exit), then the tray's own main-process code over
// a real agent-core enrolled against it, and serves the built pages with a bridge in place of the
// preload. Prints the tray URL and the console login, so a technician can answer in the other tab.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { onHubOutput, root } from './lib/hub-output.mjs';

const preview = path.join(root, 'apps/agent/dist/preview/run-preview.js');
for (const built of [preview, path.join(root, 'apps/agent/dist/renderer/get-help.html'), path.join(root, 'apps/hub/dist')]) {
  if (!existsSync(built)) {
    console.error(`Not built yet (${path.relative(root, built)}): run \`npm run build\` first.`);
    process.exit(1);
  }
}

const argValue = (name) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : 0;
};
const work = mkdtempSync(path.join(tmpdir(), 'deskside-tray-preview-'));
const password = process.env.DESKSIDE_ADMIN_PASSWORD ?? randomBytes(12).toString('base64url');
const enrollToken = randomBytes(24).toString('base64url');
const env = { ...process.env, DESKSIDE_ADMIN_PASSWORD: password, DESKSIDE_ENROLL_TOKEN: enrollToken, DESKSIDE_LOG_LEVEL: process.env.DESKSIDE_LOG_LEVEL ?? 'warn' };
const hub = spawn(process.execPath, [path.join(root, 'apps/hub/bin/deskside-hub.js'), '--port', String(argValue('--hub-port')), '--data-dir', path.join(work, 'hub')], {
  cwd: root,
  env,
  stdio: ['ignore', 'pipe', 'inherit'],
});
let running = null;

onHubOutput(hub, {
  onReady: (ready) => {
    if (!running) void start(ready.url);
  },
});

async function start(hubUrl) {
  const { runTrayPreview } = await import(preview);
  running = await runTrayPreview({ hubUrl, enrollToken, stateDir: path.join(work, 'agent'), port: argValue('--port') });
  console.log(`Tray preview: ${running.url}`);
  console.log(`Console (answer as a technician): ${hubUrl}  login admin / ${password}`);
  console.log('Stop with Ctrl+C.');
}

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await running?.stop().catch(() => undefined);
  hub.kill('SIGTERM');
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
hub.on('exit', (code) => {
  rmSync(work, { recursive: true, force: true });
  process.exit(stopping ? 0 : (code ?? 1));
});
