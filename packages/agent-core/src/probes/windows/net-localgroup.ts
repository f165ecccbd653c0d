import { defineTextProbe } from '../define-probe.js';
import { ok, unknown, type ProbeResult } from '../probe.js';

/**
 * `net localgroup <group>`: the members are the lines between the dashed rule and the closing
 * "The command completed successfully." (localized, so it is recognized as the last non-empty line).
 * Domain members keep their `DOMAIN\` prefix.
 */
export function parseNetLocalgroup(text: string): ProbeResult<string[]> {
  const lines = text.split('\n').map((l) => l.trim());
  const rule = lines.findIndex((l) => /^-{10,}$/.test(l));
  if (rule < 0) return unknown('no member list (dashed rule) in net localgroup output');
  const rest = lines.slice(rule + 1).filter((l) => l !== '');
  // The final line is the localized completion message, never a member.
  return ok(rest.slice(0, Math.max(0, rest.length - 1)));
}

/**
 * The built-in Administrators group, by its well-known SID name resolved through PowerShell (the
 * group's display name is localized: "Administrateurs", "Administratoren"…).
 */
export const administratorsGroupProbe = defineTextProbe({
  id: 'windows.net-localgroup-administrators',
  platforms: ['win32'],
  commands: [
    {
      file: 'powershell.exe',
      args: [
        '-NoProfile',
        '-NonInteractive',
        '-Command',
        "$g=(New-Object System.Security.Principal.SecurityIdentifier('S-1-5-32-544')).Translate([System.Security.Principal.NTAccount]).Value.Split('\\')[-1]; net localgroup $g",
      ],
    },
  ],
  parseText: parseNetLocalgroup,
});
