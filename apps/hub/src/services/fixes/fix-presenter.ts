import { FIX_TEXT, FixActionIdSchema, formatFixBytes, FixRunStateSchema, type FixRun } from '@deskside/protocol';
import type { FixRunRecord } from '@deskside/store';

/** A stored run as the console reads it. */
export function presentFixRun(r: FixRunRecord): FixRun {
  return {
    id: r.id,
    deviceId: r.deviceId,
    ticketId: r.ticketId,
    action: FixActionIdSchema.catch('flush-dns').parse(r.action),
    params: r.params,
    state: FixRunStateSchema.catch('failed').parse(r.state),
    origin: r.origin,
    requestedBy: r.requestedBy,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    message: r.message,
    exitCode: r.exitCode,
    durationMs: r.durationMs,
    output: r.output,
    bytesFreed: r.bytesFreed,
  };
}

const STATE_WORDS: Record<string, string> = {
  succeeded: 'succeeded',
  failed: 'FAILED',
  'timed-out': 'timed out',
  declined: 'was declined by the employee',
  deferred: 'was put off by the employee',
  refused: 'was REFUSED by the agent',
  expired: 'expired',
};

/** The internal note a finished run leaves on its ticket. */
export function fixRunNote(r: FixRunRecord): string {
  const title = FIX_TEXT[FixActionIdSchema.catch('flush-dns').parse(r.action)].title;
  const facts = [
    r.durationMs !== null ? `in ${(r.durationMs / 1000).toFixed(1)} s` : null,
    r.exitCode !== null ? `exit ${r.exitCode}` : null,
    r.bytesFreed !== null ? `${formatFixBytes(r.bytesFreed)} freed` : null,
  ].filter(Boolean);
  const lines = [`Fix "${title}" ${STATE_WORDS[r.state] ?? r.state}${facts.length ? ` (${facts.join(', ')})` : ''}. Requested by ${r.requestedBy}.`];
  if (r.message) lines.push(r.message);
  if (r.output) lines.push('', 'Output:', r.output);
  return lines.join('\n');
}

