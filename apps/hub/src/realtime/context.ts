import type { Namespace, Socket } from 'socket.io';
import type {
  AgentSocketData,
  AgentToHubEvents,
  ConsoleSocketData,
  ConsoleToHubEvents,
  HubToAgentEvents,
  HubToConsoleEvents,
  InterHubEvents,
} from '@deskside/protocol';
import type { HubConfig } from '../config.js';
import type { Logger } from '../log/logger.js';
import type { PresenceTracker } from '../services/presence/presence-tracker.js';
import type { RealtimeMetrics } from './realtime-metrics.js';

export type AgentNamespace = Namespace<AgentToHubEvents, HubToAgentEvents, InterHubEvents, AgentSocketData>;
export type AgentSocket = Socket<AgentToHubEvents, HubToAgentEvents, InterHubEvents, AgentSocketData>;
export type ConsoleNamespace = Namespace<ConsoleToHubEvents, HubToConsoleEvents, InterHubEvents, ConsoleSocketData>;
export type ConsoleSocket = Socket<ConsoleToHubEvents, HubToConsoleEvents, InterHubEvents, ConsoleSocketData>;

/** What every agent handler works with. Built once by `createRealtime`. */
export interface AgentContext {
  clock: () => Date;
  logger: Logger;
  metrics: RealtimeMetrics;
  config: HubConfig;
  /** Live presence (connect, disconnect); every write goes through services/ingest. */
  presence: PresenceTracker;
}

/** The room every socket of one device joins, so the hub can reach or drop them together. */
export function deviceRoom(deviceId: string): string {
  return `device:${deviceId}`;
}

/** The room every agent socket of one site joins (site-wide notices such as a new branding). */
export function siteRoom(siteId: string): string {
  return `site:${siteId}`;
}

/** The room of consoles watching the fleet. */
export const FLEET_ROOM = 'fleet';
