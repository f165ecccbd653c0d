// The baseline: a bare socket.io server that acks every heartbeat without validating or storing
// anything. The hub's throughput is reported as a ratio to this, measured in the same run.
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const http = createServer();
const server = new Server(http, { transports: ['websocket'] });
server.of('/agent').on('connection', (socket) => {
  socket.on('device:heartbeat', (_payload: unknown, ack: unknown) => {
    if (typeof ack === 'function') ack({ ok: true, data: { receivedAt: new Date().toISOString() } });
  });
});
http.listen(0, '127.0.0.1', () => {
  const address = http.address();
  if (address && typeof address === 'object') process.stdout.write(`ECHO_READY ${address.port}\n`);
});
process.on('SIGTERM', () => process.exit(0));
