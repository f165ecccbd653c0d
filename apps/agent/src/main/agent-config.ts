import path from 'node:path';
import { normalizeFingerprint } from '@deskside/agent-core';
import { z } from 'zod';
import type { HelpDeskContact } from '../common/bridge-api.js';

/** The file an administrator (or an installer script) drops next to the executable or in userData. */
export const AGENT_CONFIG_FILE = 'deskside-agent.json';

const optionalText = (max: number) => z.string().trim().min(1).max(max).optional();

/** `deskside-agent.json`. Unknown keys are refused so a typo is not silently ignored. */
export const AgentConfigFileSchema = z.strictObject({
  hubUrl: z.url({ protocol: /^https?$/ }).max(2048).optional(),
  enrollToken: z.string().min(8).max(512).optional(),
  /** SHA-256 of an https hub's certificate: the token goes only to a hub showing it (pinned after). */
  hubFingerprint: z
    .string()
    .max(128)
    .refine((s) => normalizeFingerprint(s) !== null, 'must be a SHA-256 fingerprint (64 hex digits)')
    .optional(),
  helpDesk: z
    .strictObject({
      name: optionalText(128),
      email: z.email().max(254).optional(),
      phone: optionalText(64),
      url: z.url({ protocol: /^https$/ }).max(2048).optional(),
    })
    .optional(),
  /** Hides "Quit" in the tray menu, so employees keep the agent running. */
  hideQuit: z.boolean().optional(),
});
export type AgentConfigFile = z.infer<typeof AgentConfigFileSchema>;

/** What the tray needs to run the agent. */
export interface AgentConfig {
  hubUrl: string | null;
  enrollToken: string | null;
  /** Canonical `AA:BB:…` form, or null (system CAs decide, then the hub's certificate is pinned). */
  hubFingerprint: string | null;
  helpDesk: HelpDeskContact | null;
  hideQuit: boolean;
  /** Which file the settings came from, for the log (never the token itself). */
  source: string | null;
}

export interface ConfigSources {
  /** Directory of the executable (an installer writes the file here for every user). */
  exeDir: string;
  /** `app.getPath('userData')`. */
  userDataDir: string;
  env: NodeJS.ProcessEnv;
  /** Reads a file; resolves `null` when it does not exist. */
  readText: (file: string) => Promise<string | null>;
}

/**
 * Reads the first config file found (next to the executable, then userData), then lets
 * `DESKSIDE_HUB_URL` / `DESKSIDE_ENROLL_TOKEN` override it. A file that exists but is malformed
 * is an error: an agent silently running without its hub would be worse.
 */
export async function loadAgentConfig(sources: ConfigSources): Promise<AgentConfig> {
  let file: AgentConfigFile = {};
  let source: string | null = null;
  for (const dir of [sources.exeDir, sources.userDataDir]) {
    const candidate = path.join(dir, AGENT_CONFIG_FILE);
    const text = await sources.readText(candidate);
    if (text === null) continue;
    file = parseConfigText(text, candidate);
    source = candidate;
    break;
  }
  const env = AgentConfigFileSchema.pick({ hubUrl: true, enrollToken: true, hubFingerprint: true }).safeParse({
    hubUrl: nonEmpty(sources.env['DESKSIDE_HUB_URL']),
    enrollToken: nonEmpty(sources.env['DESKSIDE_ENROLL_TOKEN']),
    hubFingerprint: nonEmpty(sources.env['DESKSIDE_HUB_FINGERPRINT']),
  });
  if (!env.success) throw new Error('DESKSIDE_HUB_URL, DESKSIDE_ENROLL_TOKEN or DESKSIDE_HUB_FINGERPRINT is malformed');
  const fingerprint = env.data.hubFingerprint ?? file.hubFingerprint;
  return {
    hubUrl: env.data.hubUrl ?? file.hubUrl ?? null,
    enrollToken: env.data.enrollToken ?? file.enrollToken ?? null,
    hubFingerprint: fingerprint !== undefined ? normalizeFingerprint(fingerprint) : null,
    helpDesk: file.helpDesk
      ? {
          name: file.helpDesk.name ?? null,
          email: file.helpDesk.email ?? null,
          phone: file.helpDesk.phone ?? null,
          url: file.helpDesk.url ?? null,
        }
      : null,
    hideQuit: file.hideQuit ?? false,
    source,
  };
}

function parseConfigText(text: string, file: string): AgentConfigFile {
  if (text.length > 64 * 1024) throw new Error(`${file} is too large`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${file} is not valid JSON`);
  }
  const parsed = AgentConfigFileSchema.safeParse(json);
  if (!parsed.success) {
    // Name the fields, never their values: the file holds an enrolment token.
    const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ');
    throw new Error(`${file} is invalid (${fields})`);
  }
  return parsed.data;
}

const nonEmpty = (value: string | undefined): string | undefined => (value?.trim() ? value.trim() : undefined);
