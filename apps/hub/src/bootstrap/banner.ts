import type { BootstrapResult } from './bootstrap.js';
import { ADMIN_USERNAME } from './bootstrap.js';

/** The marker scripts and tests look for on stdout; JSON follows it on the same line. */
export const READY_MARKER = 'DESKSIDE_READY';

/**
 * The start-up banner, for the person who started the hub (stdout, not the log). Ends with one
 * machine-readable line: `DESKSIDE_READY {"url":…,"port":…}`.
 *
 * A token the operator set in DESKSIDE_ENROLL_TOKEN is not echoed: stdout of a service ends up in
 * journald or `docker logs`, and the operator already has it. Only generated secrets are shown,
 * on the one start that generated them.
 */
export function formatBanner(
  url: string,
  port: number,
  credentials: BootstrapResult,
  options: { enrollTokenFromEnv?: boolean; adminPasswordFromEnv?: boolean; tlsFingerprint?: string } = {},
): string {
  const password =
    credentials.adminPassword ??
    (options.adminPasswordFromEnv ? '(the one DESKSIDE_ADMIN_PASSWORD set at first start)' : '(shown at first start; lost it? deskside-hub rotate-secrets --admin-password)');
  const token = options.enrollTokenFromEnv
    ? '(the one in DESKSIDE_ENROLL_TOKEN)'
    : (credentials.enrollToken ?? '(create one in the console under Enrolment tokens, or: deskside-hub rotate-secrets --enroll-token)');
  const shownOnce = credentials.adminPassword !== undefined || (!options.enrollTokenFromEnv && credentials.enrollToken !== undefined);
  return [
    '',
    'Deskside hub is running.',
    `  Console:          ${url}/`,
    `  Admin login:      ${ADMIN_USERNAME} / ${password}`,
    `  Enrolment token:  ${token}`,
    ...(shownOnce ? ['  (Generated secrets are shown this once and written nowhere: note them down now.)'] : []),
    ...(options.tlsFingerprint
      ? [
          `  TLS certificate:  SHA-256 ${options.tlsFingerprint}`,
          `  Agent:            npx deskside-agent run --hub ${url} --enroll-token <token> --hub-fingerprint ${options.tlsFingerprint}`,
        ]
      : [`  Agent:            npx deskside-agent run --hub ${url} --enroll-token <token>`]),
    '',
    `${READY_MARKER} ${JSON.stringify({ url, port })}`,
    '',
  ].join('\n');
}
