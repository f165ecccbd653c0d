import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExecFn, ExecResult } from './exec.js';
import { OUTPUT_FILE, unknown, type Probe, type ProbeCommand, type ProbeResult } from './probe.js';

export interface RunProbeOptions {
  /** Defaults to `process.platform`; a probe for another platform answers 'unknown' without running. */
  readonly platform?: NodeJS.Platform;
  readonly timeoutMs?: number;
  readonly maxBuffer?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;
// The largest real output we know (`system_profiler SPApplicationsDataType`) is a few MB.
const DEFAULT_MAX_BUFFER = 16 * 1024 * 1024;

/** Runs a probe's commands through `exec` and parses them. Never throws, never rejects. */
export async function runProbe<T>(probe: Probe<T>, exec: ExecFn, options: RunProbeOptions = {}): Promise<ProbeResult<T>> {
  const platform = options.platform ?? process.platform;
  if (!probe.platforms.includes(platform)) return unknown(`${probe.id} does not run on ${platform}`);
  const values: T[] = [];
  const reasons: string[] = [];
  for (const command of probe.commands) {
    const result = await runOne(probe, command, exec, options);
    if (result.status === 'ok') values.push(result.value);
    else reasons.push(result.reason);
  }
  const [first] = values;
  if (first === undefined) return unknown(reasons.join('; ') || `${probe.id} produced nothing`);
  if (probe.commands.length === 1 || !probe.combine) return { status: 'ok', value: first };
  try {
    return { status: 'ok', value: probe.combine(values) };
  } catch (error) {
    return unknown(`${probe.id}: combine failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function runOne<T>(probe: Probe<T>, command: ProbeCommand, exec: ExecFn, options: RunProbeOptions): Promise<ProbeResult<T>> {
  const needsFile = command.args.includes(OUTPUT_FILE);
  let dir: string | undefined;
  try {
    if (needsFile) dir = await mkdtemp(join(tmpdir(), 'deskside-probe-'));
    const outputPath = dir === undefined ? '' : join(dir, 'output');
    const args = command.args.map((arg) => (arg === OUTPUT_FILE ? outputPath : arg));
    const execOptions = {
      timeoutMs: command.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxBuffer: options.maxBuffer ?? DEFAULT_MAX_BUFFER,
    };
    const result: ExecResult = await exec(command.file, args, execOptions);
    const accept = command.acceptExitCode ?? ((code: number) => code === 0);
    if (!accept(result.exitCode)) {
      return unknown(`${command.file} exited with code ${result.exitCode}${stderrHint(result.stderr)}`);
    }
    const stdout = needsFile ? await readBounded(outputPath, execOptions.maxBuffer) : result.stdout;
    return probe.parse({ ...result, stdout });
  } catch (error) {
    return unknown(describeExecError(command.file, error));
  } finally {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

async function readBounded(path: string, maxBytes: number): Promise<Uint8Array> {
  const bytes = await readFile(path);
  if (bytes.byteLength > maxBytes) throw Object.assign(new Error('output file too large'), { code: 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER' });
  return bytes;
}

function stderrHint(stderr: Uint8Array): string {
  const text = Buffer.from(stderr).toString('utf8').replace(/\s+/g, ' ').trim();
  return text === '' ? '' : `: ${text.slice(0, 160)}`;
}

/** Maps what can go wrong before a program answers to a short, log-safe reason. */
export function describeExecError(file: string, error: unknown): string {
  const record = typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : {};
  const code = record['code'];
  if (code === 'ENOENT') return `${file} is not installed or not on PATH (ENOENT)`;
  if (code === 'EACCES' || code === 'EPERM') return `${file} could not be run: permission denied (${String(code)})`;
  if (code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') return `${file} produced more output than allowed`;
  if (record['killed'] === true || record['signal'] === 'SIGKILL' || record['signal'] === 'SIGTERM') return `${file} timed out`;
  const message = error instanceof Error ? error.message : String(error);
  return `${file} failed: ${message.slice(0, 200)}`;
}
