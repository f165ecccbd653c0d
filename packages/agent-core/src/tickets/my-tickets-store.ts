import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ensurePrivateDir, writeFileAtomic } from '../util/atomic-file.js';
import { LocalTicketSchema, OPEN_STATUSES, type LocalTicket } from './my-ticket.js';

/** Most tickets kept locally; past it the oldest finished ones are forgotten (the hub keeps them all). */
export const MAX_LOCAL_TICKETS = 200;

const TICKET_FILE = /^([0-9A-HJKMNP-TV-Z]{26}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.json$/i;

/**
 * "My tickets" on disk: one file per ticket in `<stateDir>/tickets/`, each written atomically. One
 * file per ticket lets `deskside-agent ticket` add a ticket while the agent runs on the same state
 * dir without either process overwriting the other's tickets.
 */
export class MyTicketsStore {
  readonly dir: string;

  constructor(stateDir: string) {
    this.dir = join(stateDir, 'tickets');
  }

  /** Every stored ticket, newest first. Unreadable files are skipped (and left for a human). */
  async list(): Promise<LocalTicket[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
    const out: LocalTicket[] = [];
    for (const name of names.filter((n) => TICKET_FILE.test(n))) {
      const ticket = await this.read(join(this.dir, name));
      if (ticket && `${ticket.id}.json` === name) out.push(ticket);
    }
    return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  }

  async get(id: string): Promise<LocalTicket | null> {
    if (!TICKET_FILE.test(`${id}.json`)) return null;
    return this.read(join(this.dir, `${id}.json`));
  }

  async put(ticket: LocalTicket): Promise<void> {
    const parsed = LocalTicketSchema.parse(ticket);
    await ensurePrivateDir(this.dir);
    await writeFileAtomic(join(this.dir, `${parsed.id}.json`), JSON.stringify(parsed));
    await this.prune();
  }

  private async prune(): Promise<void> {
    const all = await this.list();
    if (all.length <= MAX_LOCAL_TICKETS) return;
    const finished = all.filter((t) => t.delivery !== 'queued' && !OPEN_STATUSES.has(t.hub?.status ?? 'new')).reverse();
    for (const victim of finished.slice(0, all.length - MAX_LOCAL_TICKETS)) {
      await rm(join(this.dir, `${victim.id}.json`), { force: true });
    }
  }

  private async read(path: string): Promise<LocalTicket | null> {
    try {
      const parsed = LocalTicketSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }
}
