import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { LANGUAGE_CODES, type AppearanceView, type BrandingView, type Language } from '../common/bridge-api.js';
import { pickLanguage, supportedLanguage } from '../common/locales/index.js';
import type { Logger } from './logger.js';

const PreferencesSchema = z.object({ v: z.literal(1), language: z.enum(LANGUAGE_CODES as [Language, ...Language[]]).nullable() });

/** What the hub says about this PC's site: its branding and default language. */
export interface SiteLook {
  branding: BrandingView | null;
  language: string | null;
}

export interface AppearanceOptions {
  /** `<stateDir>/preferences.json`: the employee's own choices, kept across restarts. */
  file: string;
  /** The OS's preferred languages (`app.getPreferredSystemLanguages()`), best first. */
  systemLanguages: () => readonly string[];
  /** The site's look as the hub last pushed it (`null` before the first push). */
  site: () => SiteLook | null;
  logger: Logger;
}

/**
 * The language the tray speaks (windows, notifications, menu) and the branding it shows. The
 * employee's choice wins, then the site's default from the hub, then the OS; English last.
 */
export class Appearance {
  private choice: Language | null = null;
  private loaded: Promise<void> | null = null;
  private readonly listeners = new Set<(view: AppearanceView) => void>();

  constructor(private readonly options: AppearanceOptions) {}

  /** The current view; reads the stored choice once. */
  async view(): Promise<AppearanceView> {
    await this.load();
    return this.current();
  }

  /** The language to use now (synchronous, for notifications and the menu; after `view()` once). */
  language(): Language {
    return this.current().language;
  }

  async setLanguage(language: Language | null): Promise<AppearanceView> {
    await this.load();
    this.choice = language;
    const tmp = `${this.options.file}.tmp`;
    await mkdir(path.dirname(this.options.file), { recursive: true });
    await writeFile(tmp, JSON.stringify({ v: 1, language }), { mode: 0o600 });
    await rename(tmp, this.options.file);
    this.changed();
    return this.current();
  }

  /** Tells listeners that the site's look (branding, default language) changed. */
  changed(): void {
    const view = this.current();
    for (const listener of this.listeners) listener(view);
  }

  onChange(listener: (view: AppearanceView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private current(): AppearanceView {
    const site = this.options.site();
    return {
      language: pickLanguage(this.choice, site?.language ?? null, this.options.systemLanguages()),
      languageChoice: this.choice,
      siteLanguage: supportedLanguage(site?.language),
      branding: site?.branding ?? null,
    };
  }

  private load(): Promise<void> {
    this.loaded ??= readFile(this.options.file, 'utf8').then(
      (text) => {
        const parsed = PreferencesSchema.safeParse(JSON.parse(text));
        if (parsed.success) this.choice = parsed.data.language;
        else this.options.logger.warn('preferences file ignored: not in the expected shape', { file: this.options.file });
      },
      () => undefined,
    ).catch(() => undefined);
    return this.loaded;
  }
}
