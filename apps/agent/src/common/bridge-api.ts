/**
 * What the tray's renderer sees as `window.deskside`: the one narrow interface between the UI and
 * the agent (see DESIGN.md, "Where the agent runs"). The preload object `satisfies` this type, so
 * the bridge and its type cannot drift. Only calls that are implemented are declared here.
 */

/** Where the agent stands with its hub. */
export type AgentConnectionStatus = 'starting' | 'not-configured' | 'connected' | 'offline' | 'error';

/** What a technician asks on the phone: "what is your computer called, what is your IP?" */
export interface ThisComputerInfo {
  hostname: string;
  user: string;
  /** Non-internal IPv4 first, then IPv6. */
  ipAddresses: string[];
  /** `null` when it could not be read (virtual machines often have none). */
  serialNumber: string | null;
  /** e.g. "Windows 11 Pro 23H2", "Ubuntu 24.04 LTS". */
  os: string;
  /** Assigned by the hub at enrolment; `null` until then. */
  deviceId: string | null;
  status: AgentConnectionStatus;
}

/** How employees reach their help desk, as the administrator wrote it in the agent's config file. */
export interface HelpDeskContact {
  name: string | null;
  email: string | null;
  phone: string | null;
  url: string | null;
}

export interface DesksideAgentBridge {
  getThisComputer(): Promise<ThisComputerInfo>;
  /** `null` when no contact was configured. */
  getHelpDesk(): Promise<HelpDeskContact | null>;
  /** Copies plain text (bounded in length) to the system clipboard. */
  copyToClipboard(text: string): Promise<void>;
  /** Called with every status change; returns an unsubscribe function. */
  onStatus(callback: (status: AgentConnectionStatus) => void): () => void;
}

/** Longest text the renderer may put on the clipboard. */
export const CLIPBOARD_MAX_CHARS = 8192;

export const AGENT_CONNECTION_STATUSES: readonly AgentConnectionStatus[] = [
  'starting',
  'not-configured',
  'connected',
  'offline',
  'error',
];
