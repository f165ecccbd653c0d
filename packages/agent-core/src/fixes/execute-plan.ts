import { FIX_LIMITS, formatFixBytes } from '@deskside/protocol';
import { cleanDir } from './clean-dir.js';
import type { FixPlan, FixStep } from './plans/fix-plan.js';
import { runProgram, type ProgramResult, type RunProgramOptions } from './run-program.js';
import { scrubSecrets } from './scrub.js';

export interface PlanOutcome {
  state: 'succeeded' | 'failed' | 'timed-out';
  exitCode: number | null;
  durationMs: number;
  /** Scrubbed and bounded to FIX_LIMITS.outputChars. */
  output: string;
  bytesFreed: number | null;
  message: string;
}

export interface ExecuteOptions {
  /** For the whole plan; each step gets what is left. */
  timeoutMs: number;
  now: () => number;
  run?: (argv: readonly [string, ...string[]], options: RunProgramOptions) => Promise<ProgramResult>;
}

/** Output read from one program before scrubbing (the scrubbed text is cut again to the limit). */
const RAW_OUTPUT_BYTES = 256 * 1024;

/** Runs the steps in order and stops at the first that fails. */
export async function executePlan(plan: FixPlan, options: ExecuteOptions): Promise<PlanOutcome> {
  const started = options.now();
  const run = options.run ?? runProgram;
  const log: string[] = [];
  let bytesFreed: number | null = null;
  let exitCode: number | null = null;
  const finish = (state: PlanOutcome['state'], message: string): PlanOutcome => ({
    state,
    exitCode,
    durationMs: Math.max(0, Math.round(options.now() - started)),
    output: bound(scrubSecrets(log.join('\n'))),
    bytesFreed,
    message,
  });
  for (const step of plan.steps) {
    const left = options.timeoutMs - (options.now() - started);
    if (left <= 0) return finish('timed-out', 'the fix ran out of time');
    if (step.kind === 'clean-dir') {
      const cleaned = await cleanDir(step.dir, step.olderThanDays, options.now());
      bytesFreed = (bytesFreed ?? 0) + cleaned.freedBytes;
      log.push(`${step.label}: ${cleaned.files} ${cleaned.files === 1 ? 'file' : 'files'}, ${formatFixBytes(cleaned.freedBytes)} freed of ${formatFixBytes(cleaned.measuredBytes)} measured${cleaned.skipped ? `, ${cleaned.skipped} in use or not ours (kept)` : ''}`);
      exitCode = 0;
      continue;
    }
    log.push(`$ ${describe(step)}`);
    const result = await run(step.argv, { timeoutMs: left, outputBytes: RAW_OUTPUT_BYTES });
    if (result.output) log.push(result.output.trimEnd());
    if (result.truncated) log.push('[output cut]');
    exitCode = result.exitCode;
    if (result.startError) return finish('failed', `${step.argv[0]} could not be started (${result.startError})`);
    if (result.timedOut) return finish('timed-out', `${step.argv[0]} did not finish in time and was stopped`);
    if (!(step.okExitCodes ?? [0]).includes(result.exitCode ?? -1)) return finish('failed', `${step.argv[0]} exited with ${result.exitCode}`);
  }
  return finish('succeeded', bytesFreed !== null ? `done; ${formatFixBytes(bytesFreed)} freed` : 'done');
}

function describe(step: Extract<FixStep, { kind: 'exec' }>): string {
  return step.argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : JSON.stringify(a))).join(' ');
}

function bound(text: string): string {
  if (text.length <= FIX_LIMITS.outputChars) return text;
  // Keep the end: that is where errors are.
  return `[…]\n${text.slice(text.length - FIX_LIMITS.outputChars + 4)}`;
}

