import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const hubBin = path.join(repoRoot, 'apps/hub/bin/deskside-hub.js');
export const agentBin = path.join(repoRoot, 'packages/agent-core/bin/deskside-agent.js');
