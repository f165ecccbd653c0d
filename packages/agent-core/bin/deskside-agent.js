#!/usr/bin/env node
// Launcher of the headless agent; the code lives in dist/ (npm run build -w @deskside/agent-core).
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
