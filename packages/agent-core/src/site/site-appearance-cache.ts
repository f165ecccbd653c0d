import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AgentSiteAppearanceSchema, type AgentSiteAppearance } from '@deskside/protocol';
import type { HubConnection } from '../connection/hub-connection.js';
import { writeFileAtomic } from '../util/atomic-file.js';
import type { Logger } from '../util/logger.js';

export const SITE_APPEARANCE_FILE = 'site-appearance.json';

const CachedSchema = z.object({ v: z.literal(1), stamp: z.string().max(64), appearance: AgentSiteAppearanceSchema });

/**
 * The site's branding and default tray language, as the hub last gave them. Kept in the state
 * directory, so the tray is branded from its first paint and while offline; refreshed on every
 * connect and when the hub says it changed, fetching the logo only when the stamp moved.
 */
export class SiteAppearanceCache {
  private stamp: string | null = null;
  private appearance: AgentSiteAppearance | null = null;
  private loaded: Promise<void> | null = null;
  private readonly listeners = new Set<(appearance: AgentSiteAppearance | null) => void>();

  constructor(private readonly deps: { stateDir: string; logger: Logger }) {}

  /** The last known appearance; `null` before the hub first answered. */
  current(): AgentSiteAppearance | null {
    return this.appearance;
  }

  /** Reads the copy on disk once (a damaged file is ignored: the hub's next answer replaces it). */
  load(): Promise<void> {
    this.loaded ??= readFile(this.file, 'utf8').then(
      (text) => {
        const parsed = CachedSchema.safeParse(safeJson(text));
        if (!parsed.success) {
          this.deps.logger.warn('site appearance copy ignored: not in the expected shape');
          return;
        }
        if (this.stamp !== null) return;
        this.stamp = parsed.data.stamp;
        this.appearance = parsed.data.appearance;
        this.emit();
      },
      () => undefined,
    );
    return this.loaded;
  }

  onChange(listener: (appearance: AgentSiteAppearance | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Asks the hub whether the appearance changed since our copy; keeps and announces a new one. */
  async refresh(connection: Pick<HubConnection, 'send'>, timeoutMs: number): Promise<void> {
    await this.load();
    const ack = await connection.send('site:appearance', { since: this.stamp }, timeoutMs);
    if (!ack.ok) {
      // An older hub answers unknown_event: the tray keeps its defaults.
      this.deps.logger.debug('site appearance not refreshed', { code: ack.error.code });
      return;
    }
    const { stamp, appearance } = ack.data;
    if (appearance === null) return;
    this.stamp = stamp;
    this.appearance = appearance;
    try {
      await writeFileAtomic(this.file, JSON.stringify({ v: 1, stamp, appearance }));
    } catch (error) {
      this.deps.logger.warn('site appearance copy not written', { error: String(error) });
    }
    this.emit();
  }

  private get file(): string {
    return join(this.deps.stateDir, SITE_APPEARANCE_FILE);
  }

  private emit(): void {
    for (const listener of this.listeners) listener(this.appearance);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
