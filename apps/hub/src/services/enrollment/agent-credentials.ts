import type { DeviceRecord, Store } from '@deskside/store';

/** What an agent's handshake is checked against: its key hash, whether it was revoked or waits for approval. */
export type CredentialedDevice = Pick<DeviceRecord, 'id' | 'siteId' | 'keyHash' | 'revokedAt' | 'approval' | 'inventoryHash'>;

/** The enrolled devices' credentials, as the `/agent` handshake reads them (realtime/agent-auth.ts). */
export interface AgentCredentials {
  find(deviceId: string): Promise<CredentialedDevice | undefined>;
}

export function createAgentCredentials(store: Pick<Store, 'devices'>): AgentCredentials {
  return { find: (deviceId) => store.devices.findById(deviceId) };
}
