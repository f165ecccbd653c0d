import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { agentBin } from './paths.js';
import { type RunningProcess, startNode } from './processes.js';

export interface TestAgent {
  stateDir: string;
  process: RunningProcess;
  /** The device id the agent chose at enrolment (from its state file). */
  deviceId(): string;
}

/** Starts the real headless agent (`deskside-agent run`) with its own state dir and machine id. */
export function startAgent(hubUrl: string, enrollToken: string, machineId: string, stateDir = mkdtempSync(path.join(tmpdir(), 'deskside-agent-'))): TestAgent {
  const proc = startNode(agentBin, ['run', '--hub', hubUrl, '--enroll-token', enrollToken, '--state-dir', stateDir], {
    DESKSIDE_AGENT_MACHINE_ID: machineId,
  });
  return {
    stateDir,
    process: proc,
    deviceId() {
      const state = JSON.parse(readFileSync(path.join(stateDir, 'agent-state.json'), 'utf8')) as { deviceId: string };
      return state.deviceId;
    },
  };
}

/** Polls until `fn` stops throwing (for files another process writes). */
export async function eventually<T>(fn: () => T, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      return fn();
    } catch (err) {
      if (Date.now() > end) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
