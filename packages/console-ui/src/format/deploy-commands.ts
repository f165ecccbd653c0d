import type { AgentInstaller } from '@deskside/protocol';

/** One way to deploy the agent: a title, where it applies, and the exact lines to run. */
export interface DeployRecipe {
  id: string;
  title: string;
  note: string;
  lines: string[];
}

export interface DeployInput {
  /** The hub as PCs reach it, e.g. https://hub.example.com:4800. */
  hubUrl: string;
  token: string;
  /** The hub certificate's SHA-256 fingerprint, when it has its own certificate. */
  fingerprint: string | null;
  installers: readonly AgentInstaller[];
}

/** PowerShell single-quoted string: only the quote itself needs doubling. */
export const ps = (value: string) => `'${value.replace(/'/g, "''")}'`;
/** POSIX shell single-quoted string. */
export const sh = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

/**
 * The exact commands of the Deploy page for one site: msiexec / the NSIS setup (Intune, GPO),
 * a Jamf / munki pkg, apt and dnf, and the headless agent for servers. Every value is quoted for
 * its shell, so a token or URL can never break out of its argument.
 */
export function deployRecipes(input: DeployInput): DeployRecipe[] {
  const file = (kind: AgentInstaller['kind']) => input.installers.find((i) => i.kind === kind)?.file ?? null;
  const url = (name: string | null, fallback: string) => (name ? `${input.hubUrl}/downloads/agent/${encodeURIComponent(name)}` : fallback);
  const config = JSON.stringify({ hubUrl: input.hubUrl, enrollToken: input.token, ...(input.fingerprint ? { hubFingerprint: input.fingerprint } : {}) });
  const msi = file('msi');
  const exe = file('nsis');
  const pkg = file('pkg');
  const deb = file('deb');
  const rpm = file('rpm');
  return [
    {
      id: 'windows-msi',
      title: 'Windows — MSI (Intune, GPO, RMM)',
      note: 'Run as Administrator or SYSTEM (Intune: a Win32 app running this script; GPO: a start-up script). The configuration is written first, readable by SYSTEM and Administrators only.',
      lines: [
        `$cfg = "$env:ProgramData\\Deskside"; New-Item -ItemType Directory -Force $cfg | Out-Null`,
        `@{ hubUrl = ${ps(input.hubUrl)}; enrollToken = ${ps(input.token)}${input.fingerprint ? `; hubFingerprint = ${ps(input.fingerprint)}` : ''} } | ConvertTo-Json | Set-Content -Encoding UTF8 "$cfg\\agent.json"`,
        `icacls "$cfg\\agent.json" /inheritance:r /grant:r '*S-1-5-18:F' '*S-1-5-32-544:F'`,
        `Invoke-WebRequest -UseBasicParsing -Uri ${ps(url(msi, `${input.hubUrl}/downloads/agent/<the .msi>`))} -OutFile "$env:TEMP\\deskside-agent.msi"`,
        `Start-Process -Wait msiexec -ArgumentList '/i', "$env:TEMP\\deskside-agent.msi", '/qn', 'ALLUSERS=1'`,
        `& "$env:ProgramFiles\\Deskside Agent\\resources\\agent\\node.exe" "$env:ProgramFiles\\Deskside Agent\\resources\\agent\\bin\\deskside-agent.js" service install --config "$cfg\\agent.json"`,
      ],
    },
    {
      id: 'windows-exe',
      title: 'Windows — setup.exe (silent)',
      note: 'The same parameters as switches; the installer writes them owner-only to %ProgramData%\\Deskside\\agent.json.',
      lines: [
        `Invoke-WebRequest -UseBasicParsing -Uri ${ps(url(exe, `${input.hubUrl}/downloads/agent/<the .exe>`))} -OutFile "$env:TEMP\\deskside-agent-setup.exe"`,
        `Start-Process -Wait "$env:TEMP\\deskside-agent-setup.exe" -ArgumentList '/S', ${ps(`/HUB_URL=${input.hubUrl}`)}, ${ps(`/ENROLL_TOKEN=${input.token}`)}${input.fingerprint ? `, ${ps(`/HUB_FINGERPRINT=${input.fingerprint}`)}` : ''}`,
      ],
    },
    {
      id: 'macos',
      title: 'macOS — pkg (Jamf, munki, or by hand)',
      note: 'Jamf: put deskside-agent.json next to the pkg, or push a profile for org.deskside.agent with HubUrl, EnrollToken, HubFingerprint.',
      lines: [
        `curl -fsSLo /tmp/deskside-agent.pkg ${sh(url(pkg, `${input.hubUrl}/downloads/agent/<the .pkg>`))}`,
        `printf '%s' ${sh(config)} > /tmp/deskside-agent.json`,
        'sudo installer -pkg /tmp/deskside-agent.pkg -target /',
      ],
    },
    {
      id: 'debian',
      title: 'Debian / Ubuntu — apt',
      note: 'The configuration first: the package makes it owner-only and starts the service, which enrols and then removes the token.',
      lines: [
        `sudo install -d -m 0755 /etc/deskside && printf '%s' ${sh(config)} | sudo install -m 0600 /dev/stdin /etc/deskside/agent.json`,
        `curl -fsSLo /tmp/deskside-agent.deb ${sh(url(deb, `${input.hubUrl}/downloads/agent/<the .deb>`))}`,
        'sudo apt install -y /tmp/deskside-agent.deb',
      ],
    },
    {
      id: 'rhel',
      title: 'Fedora / RHEL — dnf',
      note: 'As for apt.',
      lines: [
        `sudo install -d -m 0755 /etc/deskside && printf '%s' ${sh(config)} | sudo install -m 0600 /dev/stdin /etc/deskside/agent.json`,
        `sudo dnf install -y ${sh(url(rpm, `${input.hubUrl}/downloads/agent/<the .rpm>`))}`,
      ],
    },
    {
      id: 'headless',
      title: 'Servers — the headless agent (Node.js 20+)',
      note: 'No tray: the agent as a system service, with the same configuration file.',
      lines: [
        `sudo npx deskside-agent configure --config /etc/deskside/agent.json --hub ${sh(input.hubUrl)} --enroll-token ${sh(input.token)}${input.fingerprint ? ` --hub-fingerprint ${sh(input.fingerprint)}` : ''}`,
        'sudo npx deskside-agent service install --config /etc/deskside/agent.json',
      ],
    },
  ];
}
