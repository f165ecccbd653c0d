/** Where the agent stands, as the tray shows it. */
export type AgentPhase = 'idle' | 'enrolling' | 'connecting' | 'connected' | 'offline' | 'stopped' | 'error';

/** A snapshot of the agent for the tray (crosses the preload bridge: plain data only, no secrets). */
export interface AgentStatus {
  phase: AgentPhase;
  hubUrl: string | null;
  deviceId: string | null;
  /** Messages waiting in the outbox. */
  queued: number;
  lastHeartbeatAt: string | null;
  lastInventoryAt: string | null;
  error: { code: string; message: string; fatal: boolean } | null;
}

/** A change the tray may announce. */
export type AgentStatusEvent =
  | { type: 'enrolled'; deviceId: string; siteId: string }
  | { type: 'connected' }
  | { type: 'offline'; reason: string }
  | { type: 'error'; code: string; message: string; fatal: boolean }
  | { type: 'stopped'; reason: string };

export type AgentStatusListener = (event: AgentStatusEvent, status: AgentStatus) => void;

export function initialStatus(): AgentStatus {
  return { phase: 'idle', hubUrl: null, deviceId: null, queued: 0, lastHeartbeatAt: null, lastInventoryAt: null, error: null };
}
