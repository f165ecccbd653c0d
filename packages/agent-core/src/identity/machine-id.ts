import nodeMachineId from 'node-machine-id';

/**
 * Environment variable that replaces the OS machine id. Meant for tests, simulators (many agents
 * on one host) and re-imaged PCs whose cloned OS id would collide with another device's.
 */
export const MACHINE_ID_ENV = 'DESKSIDE_AGENT_MACHINE_ID';

/**
 * This machine's stable id: `DESKSIDE_AGENT_MACHINE_ID` when set (trimmed, at least 8 characters),
 * else the OS id (`/etc/machine-id`, `IOPlatformUUID`, `MachineGuid`) hashed with SHA-256 by
 * node-machine-id, so the raw OS id never leaves the PC.
 */
export async function machineId(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const override = env[MACHINE_ID_ENV]?.trim();
  if (override) {
    if (override.length < 8 || override.length > 128) {
      throw new Error(`${MACHINE_ID_ENV} must be 8 to 128 characters long`);
    }
    return override;
  }
  return nodeMachineId.machineId();
}
