import type { FixActionId, FixOs, FixParams } from '@deskside/protocol';

/** One step of a fix: a program run without a shell, or a file clean-up done by the agent itself. */
export type FixStep =
  | { kind: 'exec'; argv: readonly [string, ...string[]]; okExitCodes?: readonly number[] }
  /** Deletes regular files older than `olderThanDays` under `dir` (measured first), never following links. */
  | { kind: 'clean-dir'; dir: string; olderThanDays: number; label: string };

export interface FixPlan {
  /** Needs administrator rights: refused unless the agent runs as the system service. */
  needsAdmin: boolean;
  steps: FixStep[];
}

/** Where the OS keeps what the plans touch, read once from the environment (tests pass temp dirs). */
export interface PlanEnv {
  tmpDir: string;
  home: string;
  /** Linux only: which package manager this distribution has. */
  linuxPackageManager: 'apt' | 'dnf';
  /** Windows only: %SystemRoot% (the print spool lives under it). */
  systemRoot: string;
}

/** The per-OS builders: every action of the catalogue, typed on its own parameters. */
export type PlanBuilders = { [A in FixActionId]: (params: FixParams<A>, env: PlanEnv) => FixPlan };

export type PlanTable = Record<FixOs, PlanBuilders>;
