export { simulatedInventory, inventoryHash } from './inventory-generator.js';
export { SimulatedAgent, HubRefusal, simulatedMetrics, simulatedWifiLink, type AgentSocket, type SimulatedAgentOptions } from './simulated-agent.js';
export { seededRandom, type Random } from './random.js';
