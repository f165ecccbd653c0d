import { FixPolicySchema, type FixPolicy } from '@deskside/protocol';
import type { SettingsRepository } from '@deskside/store';

const SETTING = 'fixes.policy';

/** Until an administrator says otherwise: the print services, nothing to install, nothing unattended. */
export const DEFAULT_FIX_POLICY: FixPolicy = {
  services: ['cups', 'spooler', 'wuauserv', 'bits'],
  packages: [],
  unattended: [],
  selfService: ['flush-dns', 'clear-temp-files', 'restart-print-spooler'],
};

export async function readFixPolicy(settings: SettingsRepository): Promise<FixPolicy> {
  const raw = await settings.get(SETTING);
  if (raw === undefined) return DEFAULT_FIX_POLICY;
  try {
    const parsed = FixPolicySchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : DEFAULT_FIX_POLICY;
  } catch {
    return DEFAULT_FIX_POLICY;
  }
}

export async function writeFixPolicy(settings: SettingsRepository, policy: FixPolicy): Promise<void> {
  await settings.set(SETTING, JSON.stringify(policy));
}
