import { createHash } from 'node:crypto';
import { canonicalJson } from '@deskside/protocol';
import type { AuditRecord } from '@deskside/store';

/** The `prevHash` of the first row. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * A row's hash: sha256(prevHash + canonical JSON of every other field). Editing any field of any
 * row, deleting a row or reordering rows breaks the chain from that row on.
 */
export function auditRowHash(row: Omit<AuditRecord, 'hash'>): string {
  const body = canonicalJson({
    seq: row.seq,
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    action: row.action,
    target: row.target,
    details: row.details,
  });
  return createHash('sha256').update(row.prevHash, 'utf8').update(body, 'utf8').digest('hex');
}

export type ChainVerdict = { ok: true; rows: number } | { ok: false; rows: number; brokenAtSeq: number; reason: string };

/** Checks rows handed in order (pages of a scan); keeps the state between pages. */
export class ChainVerifier {
  private expectedPrev = GENESIS_HASH;
  private expectedSeq = 1;
  private count = 0;
  private failure: ChainVerdict | undefined;

  /** False once a row fails; later rows are not looked at. */
  push(rows: readonly AuditRecord[]): boolean {
    for (const row of rows) {
      if (this.failure) return false;
      this.count += 1;
      const fail = (reason: string): false => {
        this.failure = { ok: false, rows: this.count, brokenAtSeq: row.seq, reason };
        return false;
      };
      if (row.seq !== this.expectedSeq) return fail(`expected row ${this.expectedSeq}, found ${row.seq} (a row was deleted or inserted)`);
      if (row.prevHash !== this.expectedPrev) return fail('the row does not chain to the previous one');
      if (auditRowHash(row) !== row.hash) return fail('the row was changed after it was written');
      this.expectedPrev = row.hash;
      this.expectedSeq += 1;
    }
    return this.failure === undefined;
  }

  verdict(): ChainVerdict {
    return this.failure ?? { ok: true, rows: this.count };
  }
}
