import type { HubConnection } from '../connection/hub-connection.js';
import type { KbCopy } from './kb-copy.js';

/** Answers one sync may take (each at most KB_LIMITS.syncReplyChars of articles). */
const MAX_ROUNDS = 10;

export type KbSyncOutcome = 'unchanged' | 'updated' | 'unsupported';

/**
 * Brings the offline copy up to date incrementally: the hub answers `null` when nothing changed
 * since the copy's stamp; otherwise only new and changed articles (told what the copy holds) and
 * the ids still published, in bounded answers. The stamp is kept only once nothing is left to
 * fetch, so an interrupted sync resumes on the next connect.
 */
export async function syncKbCopy(copy: KbCopy, connection: HubConnection, timeoutMs: number, now: () => Date): Promise<KbSyncOutcome> {
  let since = await copy.stamp();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const ack = await connection.send('kb:sync', { since, known: await copy.known() }, timeoutMs);
    if (!ack.ok) {
      // A hub without the knowledge base answers unknown_event; the copy stays as it is.
      if (ack.error.code === 'unknown_event') return 'unsupported';
      throw new Error(`kb:sync: ${ack.error.code}`);
    }
    const { stamp, articles, ids, more } = ack.data;
    if (articles === null) return round === 0 ? 'unchanged' : 'updated';
    // An answer without `ids` is a whole copy (a hub that does not sync incrementally).
    await copy.apply({ articles, ids: ids ?? articles.map((a) => a.id) }, more ? null : stamp, now());
    if (!more) return 'updated';
    since = null;
  }
  return 'updated';
}
