import { readdir, readFile } from 'node:fs/promises';
import { execFileBuffered, type ExecFn } from '../probes/exec.js';
import type { Probe } from '../probes/probe.js';
import { runProbe } from '../probes/run-probe.js';

/**
 * What platform collectors touch on the machine, passed in so tests can replay recorded command
 * outputs (an exec that answers fixture files) and fake file systems.
 */
export interface CollectorEnv {
  readonly platform: NodeJS.Platform;
  readonly exec: ExecFn;
  readonly readText: (path: string) => Promise<string>;
  readonly listDir: (path: string) => Promise<string[]>;
  /** Effective uid (POSIX); null on Windows. dmidecode and smartctl need 0. */
  readonly uid: number | null;
  /** The signed-in user's home directory, for per-user start-up items. */
  readonly home: string | null;
}

/** The real machine. */
export function realEnv(): CollectorEnv {
  return {
    platform: process.platform,
    exec: execFileBuffered,
    readText: (path) => readFile(path, 'utf8'),
    listDir: (path) => readdir(path),
    uid: typeof process.getuid === 'function' ? process.getuid() : null,
    home: process.env['HOME'] ?? process.env['USERPROFILE'] ?? null,
  };
}

/** Thrown by a collector to say why its section is unknown; the runner turns it into the report's reason. */
export class SectionUnknown extends Error {}

/** Runs a probe; answers its value, or throws {@link SectionUnknown} with the probe's reason. */
export async function probeValue<T>(probe: Probe<T>, env: CollectorEnv): Promise<T> {
  const result = await runProbe(probe, env.exec, { platform: env.platform });
  if (result.status === 'ok') return result.value;
  throw new SectionUnknown(`${probe.id}: ${result.reason}`);
}

/** Runs a probe; answers its value, or undefined and adds the reason to `reasons`. */
export async function tryProbe<T>(probe: Probe<T>, env: CollectorEnv, reasons: string[]): Promise<T | undefined> {
  const result = await runProbe(probe, env.exec, { platform: env.platform });
  if (result.status === 'ok') return result.value;
  reasons.push(`${probe.id}: ${result.reason}`);
  return undefined;
}

/** Reads a file, or undefined when it is missing or unreadable. */
export async function tryRead(env: CollectorEnv, path: string): Promise<string | undefined> {
  try {
    return await env.readText(path);
  } catch {
    return undefined;
  }
}
