// A load process that drives a share of the simulated agents, so the load generator does not
// compete with itself on one event loop, and its sockets count against its own open-file cap
// (20,000 here) instead of the bench's.
import { HandshakeErrorDataSchema, newId, PROTOCOL_VERSION } from '@deskside/protocol';
import { io, type Socket } from 'socket.io-client';
import { simulatedMetrics } from '../simulated-agent.js';
import type { AgentCredential, WorkerCommand, WorkerReport } from './messages.js';

const send = process.send?.bind(process);
if (!send) throw new Error('load-worker must run as a child process with an IPC channel (WorkerPool)');

let sockets: Socket[] = [];
/** While no measurement runs, agents heartbeat at their cadence anyway (see keepAlive). */
let measuring = false;
let keepAliveTimer: NodeJS.Timeout | undefined;

/**
 * A hub disconnects a device that stays silent past heartbeat + grace, as it should; a 10,000-agent
 * connect phase can last longer than that on a loaded machine, so between measurements every agent
 * heartbeats like a real one (unmeasured), spread over the interval.
 */
function keepAlive(heartbeatSeconds: number): void {
  if (keepAliveTimer) return;
  const tickMs = 1000;
  let next = 0;
  keepAliveTimer = setInterval(() => {
    if (measuring || sockets.length === 0) return;
    const share = Math.ceil((sockets.length * tickMs) / (heartbeatSeconds * 1000));
    for (let i = 0; i < share; i++) {
      const socket = sockets[next++ % sockets.length];
      if (socket?.connected) socket.timeout(30_000).emit('device:heartbeat', { id: newId(), sentAt: new Date().toISOString(), metrics: simulatedMetrics() }, () => undefined);
    }
  }, tickMs);
  keepAliveTimer.unref();
}
const report = (r: WorkerReport) => void send(r);

/** Refused (`rate_limited`) or failed connection attempts retried before an agent counts as failed to connect. */
const MAX_REFUSALS = 30;

/**
 * Connects every agent. The hub admits a bounded number of handshakes at a time and refuses the
 * rest with `rate_limited`; real agents then retry with jittered backoff (hub-connection.ts), so
 * these do too, or a 10,000-agent run would count the hub's admission control as failures.
 */
function connectAll(url: string, namespace: string, agents: AgentCredential[], localAddress: string | undefined): void {
  let done = 0;
  let failed = 0;
  let firstError: string | null = null;
  const finish = () => {
    if (++done === agents.length) report({ type: 'connected', connected: done - failed, failed, firstError });
  };
  if (agents.length === 0) report({ type: 'connected', connected: 0, failed: 0, firstError: null });
  const attempt = (agent: AgentCredential, refusals: number) => {
    const socket = io(url + namespace, {
      auth: { protocolVersion: PROTOCOL_VERSION, deviceId: agent.deviceId, deviceKey: agent.deviceKey },
      transports: ['websocket'],
      reconnection: false,
      // A source address of its own per load process: loopback ports are not shared with the others.
      ...(localAddress ? { localAddress } : {}),
    });
    socket.once('connect', () => {
      sockets.push(socket);
      finish();
    });
    socket.once('connect_error', (err: Error & { data?: unknown }) => {
      socket.close();
      const refusal = HandshakeErrorDataSchema.safeParse(err.data);
      // Retried like agents do: the hub's admission control (rate_limited), and a connection that
      // failed on a saturated machine (timeout, reset during a connect storm). Any other refusal
      // by the hub (a bad credential) counts as failed at once.
      const retry = refusal.success ? refusal.data.code === 'rate_limited' : true;
      if (retry && refusals < MAX_REFUSALS) {
        setTimeout(() => attempt(agent, refusals + 1), 250 + Math.random() * Math.min(5_000, 500 * 2 ** refusals));
        return;
      }
      failed++;
      firstError ??= err.message;
      finish();
    });
  };
  for (const agent of agents) attempt(agent, 0);
}

async function heartbeat(socket: Socket): Promise<number | null> {
  const started = performance.now();
  try {
    const ack = (await socket
      .timeout(30_000)
      .emitWithAck('device:heartbeat', { id: newId(), sentAt: new Date().toISOString(), metrics: simulatedMetrics() })) as { ok?: boolean };
    return ack.ok === true ? performance.now() - started : null;
  } catch {
    return null;
  }
}

/** Each agent heartbeats on its own schedule, spread evenly over the interval, like a real fleet. */
async function steady(seconds: number, heartbeatSeconds: number): Promise<void> {
  const latencies: number[] = [];
  let failed = 0;
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    sockets.map(async (socket) => {
      // Never sleeping past the end: an idle tail would stretch the window the hub's CPU is averaged over.
      await sleep(Math.min(Math.random() * heartbeatSeconds * 1000, end - performance.now()));
      while (performance.now() < end) {
        const ms = await heartbeat(socket);
        if (ms === null) failed++;
        else latencies.push(ms);
        await sleep(Math.min(heartbeatSeconds * 1000 - (ms ?? 0), end - performance.now()));
      }
    }),
  );
  report({ type: 'steady-done', latencies, acked: latencies.length, failed });
}

/** Every agent sends its next heartbeat as soon as the last is acked: the hub's ceiling. */
async function throughput(seconds: number): Promise<void> {
  let acked = 0;
  let failed = 0;
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    sockets.map(async (socket) => {
      while (performance.now() < end) {
        if ((await heartbeat(socket)) === null) failed++;
        else acked++;
      }
    }),
  );
  report({ type: 'throughput-done', acked, failed, seconds: (performance.now() - started) / 1000 });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

process.on('message', (command: WorkerCommand) => {
  switch (command.type) {
    case 'connect':
      if (command.heartbeatSeconds) keepAlive(command.heartbeatSeconds);
      connectAll(command.url, command.namespace, command.agents, command.localAddress);
      break;
    case 'steady':
      measuring = true;
      void steady(command.seconds, command.heartbeatSeconds).finally(() => (measuring = false));
      break;
    case 'throughput':
      measuring = true;
      void throughput(command.seconds).finally(() => (measuring = false));
      break;
    case 'close':
      for (const s of sockets) s.disconnect();
      sockets = [];
      report({ type: 'closed' });
      break;
    case 'exit':
      process.exit(0);
  }
});
