import type { DesksideAgentBridge } from '../common/bridge-api.js';

declare global {
  interface Window {
    /** Exposed by the preload; the renderer's only way to the agent. */
    readonly deskside: DesksideAgentBridge;
  }
}
