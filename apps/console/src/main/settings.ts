import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_HUB_URL, type ConsoleSettingsView } from '../common/bridge-api.js';
import { httpOrigin } from './console-origin.js';

export const SETTINGS_FILE = 'console-settings.json';

/** A hub address: http(s), no credentials, bounded. Only its origin is kept. */
export const HubUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .transform((value, ctx) => {
    const origin = httpOrigin(value);
    if (origin === null) {
      ctx.addIssue({ code: 'custom', message: 'Enter an http:// or https:// address, like http://127.0.0.1:4800' });
      return z.NEVER;
    }
    return origin;
  });

const SettingsFileSchema = z.strictObject({ hubUrl: HubUrlSchema });

/** Where the console points, and whether the user still has to confirm it (first run). */
export interface ResolvedSettings extends ConsoleSettingsView {
  /** No saved choice and no environment: show the settings page first. */
  firstRun: boolean;
}

/** Reads and writes `<userData>/console-settings.json`; `DESKSIDE_CONSOLE_URL` overrides it. */
export class ConsoleSettings {
  readonly file: string;

  constructor(
    userDataDir: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {
    this.file = path.join(userDataDir, SETTINGS_FILE);
  }

  async resolve(): Promise<ResolvedSettings> {
    const fromEnv = this.env['DESKSIDE_CONSOLE_URL']?.trim();
    if (fromEnv) {
      const parsed = HubUrlSchema.safeParse(fromEnv);
      if (!parsed.success) throw new Error('DESKSIDE_CONSOLE_URL is not an http(s) address');
      return { hubUrl: parsed.data, fromEnvironment: true, firstRun: false };
    }
    const saved = await this.readSaved();
    if (saved) return { hubUrl: saved, fromEnvironment: false, firstRun: false };
    return { hubUrl: DEFAULT_HUB_URL, fromEnvironment: false, firstRun: true };
  }

  /** Saves an address typed by the user; returns the origin kept, or the reason it was refused. */
  async save(input: unknown): Promise<{ ok: true; hubUrl: string } | { ok: false; message: string }> {
    const parsed = HubUrlSchema.safeParse(input);
    if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? 'Invalid address' };
    await mkdir(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${randomBytes(6).toString('hex')}.tmp`;
    const handle = await open(tmp, 'wx', 0o600);
    try {
      await handle.writeFile(`${JSON.stringify({ hubUrl: parsed.data }, null, 2)}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, this.file);
    return { ok: true, hubUrl: parsed.data };
  }

  private async readSaved(): Promise<string | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return null; // A damaged file means: ask again.
    }
    const parsed = SettingsFileSchema.safeParse(json);
    return parsed.success ? parsed.data.hubUrl : null;
  }
}
