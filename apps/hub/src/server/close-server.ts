import type { Server as HttpServer } from 'node:http';
import type { Server as IoServer } from 'socket.io';

/**
 * Stops accepting connections, disconnects every socket, and waits for HTTP requests in flight;
 * those get `graceMs` to finish before their connections are cut.
 */
export async function closeServers(io: IoServer, httpServer: HttpServer, graceMs = 5000): Promise<void> {
  const drained = new Promise<void>((resolve) => {
    if (!httpServer.listening) return resolve();
    httpServer.close(() => resolve());
  });
  httpServer.closeIdleConnections();
  const timer = setTimeout(() => httpServer.closeAllConnections(), graceMs);
  timer.unref();
  // Disconnects all sockets; its own httpServer.close() finds the server already closing, harmlessly.
  await io.close();
  await drained;
  clearTimeout(timer);
}
