import { AgentIpcClient, remoteTickets } from '@deskside/agent-core';
import { describe, expectTypeOf, it } from 'vitest';
import type { TicketsPort } from './tickets-port.js';

describe('the tray in service mode', () => {
  it('gets a TicketsPort from the service over local IPC, the same shape as the in-process desk', () => {
    const port = remoteTickets(new AgentIpcClient({ path: '/nonexistent.sock', identity: { user: 'u', uid: 1000 } }));
    expectTypeOf(port).toExtend<TicketsPort>();
  });
});
