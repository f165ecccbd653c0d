/**
 * The one interface every OS probe implements: a fixed command (never a shell line) and a pure
 * parser from the command's output to a typed value, or 'unknown' with a reason. A probe result is
 * never an exception: inventory must go on when one probe cannot answer.
 */

/** Stands for a temporary file path in `args` for commands that only write to a file (`reg export`). */
export const OUTPUT_FILE: unique symbol = Symbol('probe-output-file');

export interface ProbeCommand {
  /** Executable name or absolute path; run with execFile, never through a shell. */
  readonly file: string;
  readonly args: readonly (string | typeof OUTPUT_FILE)[];
  /** Exit codes that still carry a usable answer (e.g. `needs-restarting -r` exits 1 for "reboot needed"). */
  readonly acceptExitCode?: (code: number) => boolean;
  readonly timeoutMs?: number;
}

export interface ProbeOutput {
  /** Raw bytes: Windows tools write UTF-16LE, so decoding belongs to the parser. */
  readonly stdout: Uint8Array;
  readonly stderr: Uint8Array;
  readonly exitCode: number;
}

export type ProbeResult<T> = { status: 'ok'; value: T } | { status: 'unknown'; reason: string };

export interface Probe<T> {
  /** Stable id, `<os>.<command>`, used in logs and in the inventory's provenance. */
  readonly id: string;
  readonly platforms: readonly NodeJS.Platform[];
  /** Usually one command; several (e.g. three registry hives) need `combine`. */
  readonly commands: readonly [ProbeCommand, ...ProbeCommand[]];
  readonly parse: (output: ProbeOutput) => ProbeResult<T>;
  readonly combine?: (values: readonly T[]) => T;
}

export const ok = <T>(value: T): ProbeResult<T> => ({ status: 'ok', value });

export const unknown = <T = never>(reason: string): ProbeResult<T> => ({ status: 'unknown', reason });

/** Runs a parser and turns any exception into 'unknown': a parser bug must not stop the inventory. */
export function safeParse<T>(parse: () => ProbeResult<T>): ProbeResult<T> {
  try {
    return parse();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return unknown(`parser failed: ${message.slice(0, 200)}`);
  }
}
