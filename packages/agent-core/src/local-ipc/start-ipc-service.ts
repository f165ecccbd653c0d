import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import type { AgentRuntime } from '../runtime/agent-runtime.js';
import { execFileBuffered } from '../probes/exec.js';
import type { Logger } from '../util/logger.js';
import { AgentIpcServer } from './ipc-server.js';
import { fileChallenges, loginNameOf, type PeerUser } from './peer-proof.js';
import { trayRestartArgv } from './tray-restart.js';

/**
 * The service side of `deskside-agent run --ipc PATH`: the trays' socket beside a `peers/`
 * directory for the identity challenges, serving the runtime's ticket desk per user.
 */
export async function startIpcService(runtime: AgentRuntime, path: string, logger: Logger, env: NodeJS.ProcessEnv = process.env): Promise<AgentIpcServer> {
  const desk = runtime.tickets;
  if (!desk) throw new Error('this runtime has no ticket desk to serve');
  const isPipe = path.startsWith('\\\\');
  const root = isPipe ? join(env['ProgramData'] ?? 'C:\\ProgramData', 'Deskside', 'peers') : join(dirname(path), 'peers');
  const status = () => {
    const s = runtime.status();
    return { phase: s.phase, hubUrl: s.hubUrl, deviceId: s.deviceId };
  };
  const server = new AgentIpcServer({
    path,
    desk,
    status,
    onStatus: (listener) => runtime.onStatus(() => listener()),
    challenges: fileChallenges(root, { exec: execFileBuffered }),
    resolveUser: async ({ user, uid }): Promise<PeerUser | null> => {
      if (process.platform === 'win32') return { name: user, uid: null };
      if (uid === null) return null;
      const name = await loginNameOf(uid, execFileBuffered);
      return name ? { name, uid } : null;
    },
    logger,
    trayGraceMs: Number(env['DESKSIDE_TRAY_GRACE_MS']) > 0 ? Number(env['DESKSIDE_TRAY_GRACE_MS']) : 10_000,
    onTrayLost: (user) => {
      const argv = trayRestartArgv(process.platform, user, env['DESKSIDE_TRAY_RESTART']);
      const [file, ...args] = argv ?? [];
      if (!file) return logger.warn('a tray went away and cannot be restarted here', { user: user.name });
      logger.info('restarting a tray that went away', { user: user.name });
      const child = spawn(file, args, { stdio: 'ignore', detached: true, shell: false, windowsHide: true });
      child.on('error', (e) => logger.warn('tray restart failed', { user: user.name, error: e.message }));
      child.unref();
    },
  });
  await server.listen();
  logger.info('local IPC listening', { path });
  return server;
}
