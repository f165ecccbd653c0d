import { antivirusCheck } from './antivirus.js';
import { batteryHealthCheck } from './battery-health.js';
import { cpuSustainedCheck } from './cpu-sustained.js';
import { diskFreeCheck } from './disk-free.js';
import { firewallCheck } from './firewall.js';
import { memoryPressureCheck } from './memory-pressure.js';
import { rebootPendingCheck } from './reboot-pending.js';
import { smartFailingCheck } from './smart-failing.js';
import type { HealthCheck } from './types.js';
import { uptimeCheck } from './uptime.js';

/** Every check the agent evaluates (AGENT_CHECKS in the protocol). */
export const ALL_CHECKS: readonly HealthCheck[] = [
  diskFreeCheck,
  memoryPressureCheck,
  cpuSustainedCheck,
  batteryHealthCheck,
  smartFailingCheck,
  antivirusCheck,
  firewallCheck,
  rebootPendingCheck,
  uptimeCheck,
];
