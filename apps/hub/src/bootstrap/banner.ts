import type { BootstrapResult } from './bootstrap.js';
import { ADMIN_USERNAME } from './bootstrap.js';

/** The marker scripts and tests look for on stdout; JSON follows it on the same line. */
export const READY_MARKER = 'DESKSIDE_READY';

/**
 * The start-up banner, for the person who started the hub (stdout, not the log). Ends with one
 * machine-readable line: `DESKSIDE_READY {"url":…,"port":…}`.
 */
export function formatBanner(url: string, port: number, credentials: BootstrapResult): string {
  const password = credentials.adminPassword ?? '(set at first start)';
  const token = credentials.enrollToken ?? '(not shown: create one in the console or set DESKSIDE_ENROLL_TOKEN)';
  return [
    '',
    'Deskside hub is running.',
    `  Console:          ${url}/`,
    `  Admin login:      ${ADMIN_USERNAME} / ${password}`,
    `  Enrolment token:  ${token}`,
    `  Agent:            npx deskside-agent run --hub ${url} --enroll-token <token>`,
    '',
    `${READY_MARKER} ${JSON.stringify({ url, port })}`,
    '',
  ].join('\n');
}
