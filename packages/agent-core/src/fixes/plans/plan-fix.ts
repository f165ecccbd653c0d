import type { FixActionId, FixOs, FixParams } from '@deskside/protocol';
import type { FixPlan, PlanEnv, PlanTable } from './fix-plan.js';
import { LINUX_PLANS } from './linux.js';
import { MACOS_PLANS } from './macos.js';
import { WINDOWS_PLANS } from './windows.js';

export const PLANS: PlanTable = { linux: LINUX_PLANS, windows: WINDOWS_PLANS, macos: MACOS_PLANS };

/** The OS names of the catalogue for Node's `process.platform`; undefined where there is no implementation. */
export function fixOsOf(platform: NodeJS.Platform): FixOs | undefined {
  return platform === 'linux' ? 'linux' : platform === 'win32' ? 'windows' : platform === 'darwin' ? 'macos' : undefined;
}

/** The steps of `action` on `os` for already-validated parameters. */
export function planFix<A extends FixActionId>(os: FixOs, action: A, params: FixParams<A>, env: PlanEnv): FixPlan {
  const build = PLANS[os][action] as (p: FixParams<A>, e: PlanEnv) => FixPlan;
  return build(params, env);
}
