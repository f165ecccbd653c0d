import { type ConsoleToHubEvents, type HubToConsoleEvents, LoginResponseSchema, PROTOCOL_VERSION } from '@deskside/protocol';
import { io, type Socket } from 'socket.io-client';

export type BenchConsoleSocket = Socket<HubToConsoleEvents, ConsoleToHubEvents>;

/** Logs in as the admin and opens a `/console` socket, the way the console web app does. */
export async function openConsole(hubUrl: string, adminPassword: string): Promise<{ socket: BenchConsoleSocket }> {
  const login = await fetch(`${hubUrl}/api/v1/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: adminPassword }),
  });
  if (!login.ok) throw new Error(`console login failed: HTTP ${login.status}`);
  const { token } = LoginResponseSchema.parse(await login.json());
  const socket: BenchConsoleSocket = io(`${hubUrl}/console`, {
    auth: { protocolVersion: PROTOCOL_VERSION, token },
    transports: ['websocket'],
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return { socket };
}
