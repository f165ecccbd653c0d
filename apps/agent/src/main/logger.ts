/** The main process logs through agent-core's JSON-lines logger (credential-looking fields masked). */
export type { Logger } from '@deskside/agent-core';
