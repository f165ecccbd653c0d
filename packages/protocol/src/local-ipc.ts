// The agent service ↔ tray contract (local IPC), a subpath of its own: it is not part of the hub's
// wire protocol or its HTTP API (so not in the OpenAPI document either).
export * from './schemas/local-ipc.js';
