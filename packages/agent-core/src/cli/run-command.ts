import { EnrollError } from '../connection/enroll.js';
import { createAgentRuntime } from '../runtime/create-runtime.js';
import { AgentConfigError } from '../runtime/enrollment.js';
import type { AgentRuntimeDeps } from '../runtime/agent-runtime.js';
import { createJsonLogger } from '../util/logger.js';
import { errorMessage } from '../util/with-timeout.js';
import type { CliIo } from './cli-io.js';

export interface RunArgs {
  hubUrl: string | undefined;
  enrollToken: string | undefined;
  stateDir: string | undefined;
  /** The https hub's certificate fingerprint for the first contact (canonical form). */
  hubFingerprint?: string | undefined;
}

/**
 * `deskside-agent run`: runs until SIGINT/SIGTERM (exit 0, after telling the hub it is shutting
 * down) or until the hub refuses the device for good (exit 1).
 */
export async function runCommand(args: RunArgs, io: CliIo, overrides: Partial<AgentRuntimeDeps> = {}): Promise<number> {
  const logger = createJsonLogger({ write: io.stderr });
  let runtime;
  try {
    runtime = await createAgentRuntime({ stateDir: args.stateDir, logger, overrides });
  } catch (e) {
    io.stderr(`deskside-agent: cannot open the state directory: ${errorMessage(e)}\n`);
    return 1;
  }
  const agent = runtime;
  return new Promise<number>((resolve) => {
    let finishing = false;
    const finish = (code: number, reason: string) => {
      if (finishing) return;
      finishing = true;
      removeSignals();
      unsubscribe();
      void agent.stop(reason).finally(() => resolve(code));
    };
    const removeSignals = io.onSignal((signal) => finish(0, `signal ${signal}`));
    const unsubscribe = agent.onStatus((event) => {
      if (event.type === 'error' && event.fatal) {
        io.stderr(`deskside-agent: ${event.message}\n`);
        finish(1, event.code);
      }
    });
    agent.start({ hubUrl: args.hubUrl, enrollToken: args.enrollToken, ...(args.hubFingerprint ? { hubFingerprint: args.hubFingerprint } : {}) }).catch((e: unknown) => {
      const known = e instanceof EnrollError || e instanceof AgentConfigError;
      io.stderr(`deskside-agent: ${known ? e.message : `cannot start: ${errorMessage(e)}`}\n`);
      finish(1, 'start failed');
    });
  });
}
