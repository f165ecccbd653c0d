import { SimulatedAgent } from '../simulated-agent.js';
import type { AgentCredential } from './messages.js';

/** Enrols `count` simulated devices over HTTP, `concurrency` at a time. */
export async function enrollMany(hubUrl: string, enrollToken: string, count: number, concurrency = 32): Promise<AgentCredential[]> {
  const credentials: AgentCredential[] = [];
  const runId = Date.now().toString(36);
  let next = 0;
  async function lane(): Promise<void> {
    while (next < count) {
      const i = next++;
      const agent = new SimulatedAgent({ hubUrl, enrollToken, machineId: `bench-${runId}-${i}`, hostname: `bench-${i}` });
      await agent.enroll();
      if (agent.deviceKey) credentials.push({ deviceId: agent.deviceId, deviceKey: agent.deviceKey });
    }
  }
  await Promise.all(Array.from({ length: concurrency }, lane));
  return credentials;
}
