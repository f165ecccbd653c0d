#!/usr/bin/env node
// The `deskside-hub` command: runs the built hub (npm run build -w @deskside/hub).
import '../dist/cli.js';
