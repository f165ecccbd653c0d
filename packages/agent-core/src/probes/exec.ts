import { execFile } from 'node:child_process';

export interface ExecOptions {
  readonly timeoutMs: number;
  readonly maxBuffer: number;
}

export interface ExecResult {
  readonly stdout: Uint8Array;
  readonly stderr: Uint8Array;
  readonly exitCode: number;
}

/**
 * Runs one program without a shell. Resolves with the exit code, even a non-zero one; rejects
 * only when the program could not run to completion (missing, denied, timed out, too much output).
 * The rejection carries Node's `code` (ENOENT, EACCES, ERR_CHILD_PROCESS_STDIO_MAXBUFFER) or
 * `killed` for a timeout.
 */
export type ExecFn = (file: string, args: readonly string[], options: ExecOptions) => Promise<ExecResult>;

/** The real ExecFn: `execFile` with a timeout, a bounded buffer and no console window on Windows. */
export const execFileBuffered: ExecFn = (file, args, options) =>
  new Promise((resolve, reject) => {
    execFile(
      file,
      [...args],
      {
        encoding: 'buffer',
        timeout: options.timeoutMs,
        maxBuffer: options.maxBuffer,
        windowsHide: true,
        shell: false,
        killSignal: 'SIGKILL',
      },
      (error, stdout, stderr) => {
        if (error === null) {
          resolve({ stdout, stderr, exitCode: 0 });
          return;
        }
        // A plain non-zero exit is an answer, not a failure: the probe decides what it means.
        const code: unknown = error.code;
        if (typeof code === 'number' && !error.killed) {
          resolve({ stdout, stderr, exitCode: code });
          return;
        }
        reject(error);
      },
    );
  });
