#!/usr/bin/env node
// Launcher of the headless agent. The code is the esbuild bundle in dist/bundle/ (built by
// `npm run build -w @deskside/agent-core`); Node 22+ keeps its compiled code in the compile cache.
import module from 'node:module';
import v8 from 'node:v8';

// An agent idles far more than it allocates: a young generation that does not double on each
// scavenge keeps ~8 MB off the inventory's peak and the idle RSS, for a few more short scavenges.
v8.setFlagsFromString('--semi-space-growth-factor=1');
if (typeof module.enableCompileCache === 'function') module.enableCompileCache();
const { main } = await import('../dist/bundle/cli.js');

process.exitCode = await main(process.argv.slice(2));
