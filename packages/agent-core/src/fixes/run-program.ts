import { spawn } from 'node:child_process';

export interface ProgramResult {
  /** null when the program could not start or was killed. */
  exitCode: number | null;
  output: string;
  truncated: boolean;
  timedOut: boolean;
  /** Could not start (not installed, denied): the errno code. */
  startError: string | null;
}

export interface RunProgramOptions {
  timeoutMs: number;
  /** Bytes of stdout + stderr kept; the rest is counted and dropped. */
  outputBytes: number;
  env?: NodeJS.ProcessEnv;
}

/**
 * Runs one program without a shell, with a hard timeout (SIGKILL of the child) and an output
 * budget: a chatty program cannot fill the agent's memory, a hung one cannot hold the device's
 * one fix slot forever. stdin is closed, so nothing can wait for an answer.
 */
export function runProgram(argv: readonly [string, ...string[]], options: RunProgramOptions): Promise<ProgramResult> {
  return new Promise((resolve) => {
    const [file, ...args] = argv;
    const chunks: Buffer[] = [];
    let kept = 0;
    let truncated = false;
    let timedOut = false;
    let settled = false;
    const child = spawn(file, args, { shell: false, windowsHide: true, stdio: ['ignore', 'pipe', 'pipe'], ...(options.env ? { env: options.env } : {}) });
    const collect = (chunk: Buffer): void => {
      const room = options.outputBytes - kept;
      if (room <= 0) {
        truncated = true;
        return;
      }
      const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
      if (part.length < chunk.length) truncated = true;
      chunks.push(part);
      kept += part.length;
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    const finish = (result: Omit<ProgramResult, 'output' | 'truncated' | 'timedOut'>): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...result, output: Buffer.concat(chunks).toString('utf8'), truncated, timedOut });
    };
    child.on('error', (err: NodeJS.ErrnoException) => finish({ exitCode: null, startError: err.code ?? err.message }));
    child.on('close', (code) => finish({ exitCode: timedOut ? null : code, startError: null }));
  });
}
