import { defineTextProbe } from '../define-probe.js';
import { ok, unknown, type ProbeResult } from '../probe.js';

/** Application firewall: 0 off, 1 on for specific services, 2 on and blocking all incoming. */
export type MacFirewallState = 'off' | 'on' | 'block-all';

const STATES: readonly MacFirewallState[] = ['off', 'on', 'block-all'];

/** `defaults read /Library/Preferences/com.apple.alf globalstate`: a single digit, maybe without a newline. */
export function parseAlfGlobalstate(text: string): ProbeResult<MacFirewallState> {
  const trimmed = text.trim();
  const state = /^\d$/.test(trimmed) ? STATES[Number(trimmed)] : undefined;
  return state === undefined ? unknown(`unexpected globalstate value "${trimmed.slice(0, 40)}"`) : ok(state);
}

export const alfGlobalstateProbe = defineTextProbe({
  id: 'macos.defaults-alf-globalstate',
  platforms: ['darwin'],
  commands: [{ file: '/usr/bin/defaults', args: ['read', '/Library/Preferences/com.apple.alf', 'globalstate'] }],
  parseText: parseAlfGlobalstate,
});
