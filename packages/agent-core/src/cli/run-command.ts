import { EnrollError } from '../connection/enroll.js';
import { normalizeFingerprint } from '../connection/tls-pin.js';
import { forgetEnrollToken, readMachineConfig, type MachineConfig } from '../config/machine-config.js';
import { createAgentRuntime } from '../runtime/create-runtime.js';
import { AgentConfigError } from '../runtime/enrollment.js';
import type { AgentRuntimeDeps } from '../runtime/agent-runtime.js';
import { systemClock } from '../util/clock.js';
import { createJsonLogger } from '../util/logger.js';
import { startProcessWatchdog } from '../watchdog/process-watchdog.js';
import type { BudgetBreach, ResourceBudget } from '../watchdog/budget-meter.js';
import { errorMessage } from '../util/with-timeout.js';
import type { CliIo } from './cli-io.js';

export interface RunArgs {
  /** Serve the users' trays over local IPC here (the system service). */
  ipcPath?: string | undefined;
  /** The installer's machine-wide configuration; flags win over it. */
  configFile?: string | undefined;
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
/** Exit code after a watchdog breach: the service manager starts the agent again (EX_TEMPFAIL). */
export const WATCHDOG_EXIT_CODE = 75;

export async function runCommand(
  args: RunArgs,
  io: CliIo,
  overrides: Partial<AgentRuntimeDeps> = {},
  watchdog: { budget?: ResourceBudget; intervalMs?: number } = {},
): Promise<number> {
  const logger = createJsonLogger({ write: io.stderr });
  let config: MachineConfig | null = null;
  try {
    config = args.configFile ? await readMachineConfig(args.configFile) : null;
    if (config?.hubFingerprint && !normalizeFingerprint(config.hubFingerprint)) throw new Error(`${args.configFile}: hubFingerprint must be a SHA-256 fingerprint`);
  } catch (e) {
    io.stderr(`deskside-agent: ${errorMessage(e)}\n`);
    return 1;
  }
  let runtime;
  try {
    runtime = await createAgentRuntime({ stateDir: args.stateDir, logger, overrides });
  } catch (e) {
    io.stderr(`deskside-agent: cannot open the state directory: ${errorMessage(e)}\n`);
    return 1;
  }
  const agent = runtime;
  let ipc: { close(): Promise<void> } | null = null;
  if (args.ipcPath) {
    try {
      ipc = await (await import('../local-ipc/start-ipc-service.js')).startIpcService(agent, args.ipcPath, logger);
    } catch (e) {
      io.stderr(`deskside-agent: cannot serve the trays on ${args.ipcPath}: ${errorMessage(e)}\n`);
      return 1;
    }
  }
  return new Promise<number>((resolve) => {
    let finishing = false;
    const finish = (code: number, reason: string) => {
      if (finishing) return;
      finishing = true;
      removeSignals();
      stopWatchdog();
      unsubscribe();
      void agent
        .stop(reason)
        .then(() => ipc?.close())
        .finally(() => resolve(code));
    };
    const removeSignals = io.onSignal((signal) => finish(0, `signal ${signal}`));
    const stopWatchdog = startProcessWatchdog({
      clock: systemClock(),
      ...watchdog,
      onBreach: (breach) => void onBreach(breach),
    });
    const onBreach = async (breach: BudgetBreach) => {
      const message = `The Deskside agent ${breach.message}; it was restarted.`;
      logger.error('watchdog: agent over its budget, restarting', { resource: breach.resource, value: breach.value, threshold: breach.threshold });
      await agent.health
        ?.raiseNow({ check: 'agent-watchdog', subject: `service ${breach.resource}`, severity: 'warning', message, value: breach.value, threshold: breach.threshold })
        .catch((e: unknown) => logger.warn('watchdog alert not queued', { error: errorMessage(e) }));
      finish(WATCHDOG_EXIT_CODE, `watchdog: ${breach.resource}`);
    };
    const unsubscribe = agent.onStatus((event) => {
      // Enrolled (or already enrolled and now connected): the token has done its job.
      if ((event.type === 'enrolled' || event.type === 'connected') && args.configFile && config?.enrollToken) {
        config = { ...config, enrollToken: undefined };
        void forgetEnrollToken(args.configFile).then(
          (removed) => removed && logger.info('enrolment token removed from the machine configuration', { file: args.configFile }),
          (e: unknown) => logger.warn('enrolment token not removed from the machine configuration', { error: errorMessage(e) }),
        );
      }
      if (event.type === 'error' && event.fatal) {
        io.stderr(`deskside-agent: ${event.message}\n`);
        finish(1, event.code);
      }
    });
    const hubFingerprint = args.hubFingerprint ?? (config?.hubFingerprint ? normalizeFingerprint(config.hubFingerprint) ?? undefined : undefined);
    const start = { hubUrl: args.hubUrl ?? config?.hubUrl, enrollToken: args.enrollToken ?? config?.enrollToken };
    agent.start({ ...start, ...(hubFingerprint ? { hubFingerprint } : {}) }).catch((e: unknown) => {
      const known = e instanceof EnrollError || e instanceof AgentConfigError;
      io.stderr(`deskside-agent: ${known ? e.message : `cannot start: ${errorMessage(e)}`}\n`);
      finish(1, 'start failed');
    });
  });
}
