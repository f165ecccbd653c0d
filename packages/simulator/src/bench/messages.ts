/** Messages between the bench and its load processes. */
export interface AgentCredential {
  deviceId: string;
  deviceKey: string;
}

export type WorkerCommand =
  | { type: 'connect'; url: string; namespace: string; agents: AgentCredential[]; localAddress?: string; heartbeatSeconds?: number }
  | { type: 'steady'; seconds: number; heartbeatSeconds: number }
  | { type: 'throughput'; seconds: number }
  | { type: 'close' }
  | { type: 'exit' };

export type WorkerReport =
  | { type: 'connected'; connected: number; failed: number; firstError: string | null }
  | { type: 'steady-done'; latencies: number[]; acked: number; failed: number }
  | { type: 'throughput-done'; acked: number; failed: number; seconds: number }
  | { type: 'closed' };
