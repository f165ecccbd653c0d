#!/usr/bin/env node
// `npm start`: the hub with embedded SQLite in ./.deskside, serving the console, plus a headless
// agent for this computer that enrols itself. Plain JS on purpose: it only launches the built
// programs (npm install builds them) and must run before anything is compiled.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildIfMissing, onHubOutput, root } from './lib/hub-output.mjs';

const dataDir = path.resolve(process.env.DESKSIDE_DATA_DIR ?? path.join(root, '.deskside'));
const hubBin = path.join(root, 'apps/hub/bin/deskside-hub.js');
const agentBin = path.join(root, 'packages/agent-core/bin/deskside-agent.js');
buildIfMissing(['apps/hub/dist', 'packages/agent-core/dist', 'packages/console-ui/dist/index.html']);

const hubArgs = ['--data-dir', dataDir, ...process.argv.slice(2)];
// Request-by-request logs are for operators; a first look at `npm start` should show the banner.
const env = { ...process.env, DESKSIDE_LOG_LEVEL: process.env.DESKSIDE_LOG_LEVEL ?? 'warn' };
const hub = spawn(process.execPath, [hubBin, ...hubArgs], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
let agent;
let stopping = false;

// The hub shows a generated enrolment token once, on the start that made it, and keeps it nowhere:
// the local agent enrols with it then, and from then on uses the device key in its state folder.
let bannerToken;
onHubOutput(hub, {
  onReady: (ready) => startAgent(ready.url),
  onLine: (line) => {
    const token = /^ {2}Enrolment token: {2}([A-Za-z0-9_-]{8,256})$/.exec(line)?.[1];
    if (token) bannerToken = token;
    process.stdout.write(line + '\n');
  },
});

function enrollToken() {
  return process.env.DESKSIDE_ENROLL_TOKEN || bannerToken;
}

function startAgent(hubUrl) {
  if (agent || stopping) return;
  const args = [agentBin, 'run', '--hub', hubUrl, '--state-dir', path.join(dataDir, 'local-agent')];
  // Through the environment, not the arguments: other users can read a process's arguments.
  const token = enrollToken();
  if (!token && !existsSync(path.join(dataDir, 'local-agent', 'agent-state.json'))) {
    console.log('The local agent is not enrolled and no enrolment token was shown: create one in the console (Enrolment tokens)');
    console.log('and start again with DESKSIDE_ENROLL_TOKEN=<token> npm start.');
  }
  const agentEnv = token ? { ...env, DESKSIDE_ENROLL_TOKEN: token } : env;
  agent = spawn(process.execPath, args, { cwd: root, env: agentEnv, stdio: ['ignore', 'inherit', 'pipe'] });
  agent.stderr.setEncoding('utf8');
  agent.stderr.on('data', (chunk) => {
    for (const line of chunk.split('\n')) if (line.trim()) process.stderr.write(`[local agent] ${line}\n`);
  });
  console.log(`Local agent started for this computer (state in ${path.relative(root, dataDir)}/local-agent).`);
  console.log('Logs show warnings only; run with DESKSIDE_LOG_LEVEL=info for every request. Stop with Ctrl+C.');
  agent.on('exit', (code, signal) => {
    if (!stopping) console.error(`[local agent] exited (${signal ?? code}); the hub keeps running.`);
  });
}

function stop(signal) {
  if (stopping) return;
  stopping = true;
  // The agent first, so it can tell the hub it is shutting down cleanly.
  if (agent && agent.exitCode === null) {
    agent.once('exit', () => hub.kill(signal));
    agent.kill(signal);
    setTimeout(() => hub.kill(signal), 5000).unref();
  } else {
    hub.kill(signal);
  }
}

process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
hub.on('exit', (code, signal) => {
  if (agent && agent.exitCode === null) agent.kill('SIGTERM');
  process.exit(code ?? (signal ? 0 : 1));
});
