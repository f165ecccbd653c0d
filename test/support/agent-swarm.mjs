// A child process driving a share of a large simulated fleet for the cluster tests (one process
// cannot hold more than ~20,000 open files here, and one event loop would be the bottleneck).
// Each agent is a socket.io client that reconnects like the real agent, and sends its writes
// through a durable outbox: the same message id again and again until the hub acknowledges it.
// Driven over the IPC channel (test/support/swarm.ts):
//   {type:'connect'}                 -> {type:'connected', connected}
//   {type:'burst', tag}              -> {type:'burst-done', acked:[{deviceId, event, id, subject}], refused:[...]}
//   {type:'status'}                  -> {type:'status', connected, reconnects}
//   {type:'close'}                   -> exits
import { readFileSync } from 'node:fs';
import { newId, PROTOCOL_VERSION } from '@deskside/protocol';
import { io } from 'socket.io-client';

const { url, credentialsFile, localAddress, heartbeatSeconds } = JSON.parse(process.argv[2] ?? '{}');
/** @type {Array<{deviceId: string, deviceKey: string}>} */
const credentials = JSON.parse(readFileSync(credentialsFile, 'utf8'));
// Transient answers an outbox retries; anything else is a refusal the test must see.
const TRANSIENT = new Set(['internal', 'rate_limited', 'unavailable']);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let reconnects = 0;

const agents = credentials.map((c) => {
  const socket = io(`${url}/agent`, {
    auth: { protocolVersion: PROTOCOL_VERSION, deviceId: c.deviceId, deviceKey: c.deviceKey },
    transports: ['websocket'],
    reconnection: true,
    reconnectionDelay: 250,
    reconnectionDelayMax: 3000,
    randomizationFactor: 0.5,
    timeout: 30_000,
    forceNew: true,
    ...(localAddress ? { localAddress } : {}),
    autoConnect: false,
  });
  let connectedOnce = false;
  socket.on('connect', () => {
    if (connectedOnce) reconnects++;
    connectedOnce = true;
  });
  // A refused handshake (rate_limited while the others reconnect) stops socket.io's own retries,
  // and so does a hub that closes the socket (a device it thinks went silent): the agent retries.
  socket.on('connect_error', () => {
    if (!socket.active) setTimeout(() => socket.connect(), 250 + Math.random() * 1000);
  });
  socket.on('disconnect', (reason) => {
    if (reason === 'io server disconnect' && !closing) setTimeout(() => socket.connect(), 250 + Math.random() * 1000);
  });
  return { ...c, socket };
});
let closing = false;

const now = () => new Date().toISOString();
const beat = () => ({ id: newId(), sentAt: now(), metrics: { cpuPercent: 12, memUsedBytes: 1, memTotalBytes: 2, diskUsedBytes: 1, diskTotalBytes: 2, uptimeSeconds: 60 } });

// Between bursts every agent heartbeats on its own phase, as the real agent does, so the hubs keep
// it online (a silent device is disconnected after heartbeat + grace). Best effort: not counted.
for (const agent of agents) {
  setTimeout(() => {
    setInterval(() => {
      if (agent.socket.connected) agent.socket.timeout(30_000).emit('device:heartbeat', beat(), () => undefined);
    }, heartbeatSeconds * 1000).unref();
  }, Math.random() * heartbeatSeconds * 1000).unref();
}

// Every agent raises an alert and sends two heartbeats; one in ten also opens a ticket (tickets
// are the expensive write, and a burst of 1,500 would make the test slow, not stronger).
function writesFor(tag, index, withTicket) {
  const subject = `/burst-${tag}-${index}`;
  const writes = [
    { event: 'alert:raise', subject, payload: { id: newId(), check: 'disk-free', subject, severity: 'warning', message: `volume ${subject} is 91% full`, value: 91, threshold: 90, observedAt: now() } },
    { event: 'device:heartbeat', payload: beat() },
    { event: 'device:heartbeat', payload: beat() },
  ];
  if (withTicket) {
    writes.splice(1, 0, {
      event: 'ticket:create',
      subject: `Burst ${tag} ${index}`,
      payload: { id: newId(), createdAt: now(), subject: `Burst ${tag} ${index}`, description: 'Sent in a burst.', category: 'printer', impact: 'low', urgency: 'low', requester: { name: 'Dana', username: 'dana', email: null }, diagnostics: null, screenshot: null },
    });
  }
  return writes;
}

async function send(agent, write) {
  for (;;) {
    if (!agent.socket.connected) {
      await sleep(100);
      continue;
    }
    let ack;
    try {
      ack = await agent.socket.timeout(10_000).emitWithAck(write.event, write.payload);
    } catch {
      continue; // no answer (hub died, timed out): the same id again
    }
    if (ack?.ok === true) return { ok: true };
    if (!TRANSIENT.has(ack?.error?.code)) return { ok: false, error: ack };
    await sleep(100 + Math.random() * 200);
  }
}

async function burst(tag) {
  const acked = [];
  const refused = [];
  await Promise.all(
    agents.map(async (agent, i) => {
      // Spread over a second, like a real fleet's writes.
      await sleep(Math.random() * 1000);
      for (const write of writesFor(tag, `${process.pid}-${i}`, i % 10 === 0)) {
        const outcome = await send(agent, write);
        const record = { deviceId: agent.deviceId, event: write.event, id: write.payload.id, subject: write.subject ?? null };
        if (outcome.ok) acked.push(record);
        else refused.push({ ...record, error: outcome.error });
      }
    }),
  );
  return { acked, refused };
}

process.on('message', (command) => {
  switch (command.type) {
    case 'connect': {
      for (const a of agents) a.socket.connect();
      const check = () => {
        const connected = agents.filter((a) => a.socket.connected).length;
        if (connected === agents.length) process.send({ type: 'connected', connected });
        else setTimeout(check, 200);
      };
      check();
      break;
    }
    case 'burst':
      void burst(command.tag).then((r) => process.send({ type: 'burst-done', ...r }));
      break;
    case 'status':
      process.send({ type: 'status', connected: agents.filter((a) => a.socket.connected).length, reconnects });
      break;
    case 'close':
      closing = true;
      for (const a of agents) a.socket.disconnect();
      process.exit(0);
  }
});
process.send({ type: 'ready', agents: agents.length });
