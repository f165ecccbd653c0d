import type { ExecFn, ExecResult } from '../probes/exec.js';
import type { CollectorEnv } from './env.js';

/** One scripted answer: matched on the program's base name and its arguments joined by spaces. */
export interface ScriptedCommand {
  readonly file: string;
  /** Substring the joined arguments must contain ('' matches any). */
  readonly argsContain?: string;
  readonly stdout?: Uint8Array | string;
  readonly exitCode?: number;
  /** Reject like Node does when the program is missing (ENOENT) or denied (EACCES). */
  readonly error?: 'ENOENT' | 'EACCES';
}

/**
 * Test support: an exec that replays recorded outputs, so platform collectors can be tested on
 * Linux with the real parsers. An unscripted command fails with ENOENT, like a missing program.
 * For commands that write to a file (`reg export`), the scripted stdout is written to that file.
 */
export function scriptedExec(commands: readonly ScriptedCommand[], calls: string[] = []): ExecFn {
  return async (file, args) => {
    const joined = args.join(' ');
    calls.push(`${file} ${joined}`.trim());
    const base = file.split(/[\\/]/).pop() ?? file;
    const hit = commands.find((c) => c.file === base && joined.includes(c.argsContain ?? ''));
    if (!hit || hit.error) throw Object.assign(new Error(`spawn ${file} ${hit?.error ?? 'ENOENT'}`), { code: hit?.error ?? 'ENOENT' });
    const stdout = typeof hit.stdout === 'string' ? Buffer.from(hit.stdout, 'utf8') : (hit.stdout ?? new Uint8Array());
    const outFile = args.find((a) => a.includes('deskside-probe-'));
    if (outFile !== undefined) {
      const { writeFile } = await import('node:fs/promises');
      await writeFile(outFile, stdout);
      return { stdout: new Uint8Array(), stderr: new Uint8Array(), exitCode: hit.exitCode ?? 0 } satisfies ExecResult;
    }
    return { stdout, stderr: new Uint8Array(), exitCode: hit.exitCode ?? 0 };
  };
}

/** Test support: an environment over scripted commands and an in-memory file system. */
export function scriptedEnv(platform: NodeJS.Platform, commands: readonly ScriptedCommand[], files: Record<string, string> = {}, calls: string[] = []): CollectorEnv {
  const missing = (path: string) => Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
  return {
    platform,
    exec: scriptedExec(commands, calls),
    readText: (path) => (path in files ? Promise.resolve(files[path] ?? '') : Promise.reject(missing(path))),
    listDir: (path) => {
      const prefix = path.endsWith('/') ? path : `${path}/`;
      const names = Object.keys(files)
        .filter((f) => f.startsWith(prefix) && !f.slice(prefix.length).includes('/'))
        .map((f) => f.slice(prefix.length));
      return names.length > 0 ? Promise.resolve(names) : Promise.reject(missing(path));
    },
    uid: 1000,
    home: '/home/test',
  };
}
