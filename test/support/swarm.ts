import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from './paths.js';

export interface SwarmWrite {
  deviceId: string;
  event: string;
  id: string;
  /** The alert's subject or the ticket's subject; null for heartbeats. */
  subject: string | null;
}

type Answer =
  | { type: 'ready'; agents: number }
  | { type: 'connected'; connected: number }
  | { type: 'burst-done'; acked: SwarmWrite[]; refused: Array<SwarmWrite & { error: unknown }> }
  | { type: 'status'; connected: number; reconnects: number };

/**
 * Simulated agents spread over child processes (test/support/agent-swarm.mjs), each process with
 * its own loopback source address: a 1,500-agent cluster test without one event loop or one
 * open-file cap in the way.
 */
export class Swarm {
  private constructor(
    private readonly children: ChildProcess[],
    private readonly dir: string,
  ) {}

  static async start(url: string, credentials: Array<{ deviceId: string; deviceKey: string }>, processes: number, heartbeatSeconds: number): Promise<Swarm> {
    const dir = mkdtempSync(path.join(tmpdir(), 'deskside-swarm-'));
    const children = Array.from({ length: processes }, (_, i) => {
      const file = path.join(dir, `agents-${i}.json`);
      writeFileSync(file, JSON.stringify(credentials.filter((_c, j) => j % processes === i)));
      return fork(path.join(repoRoot, 'test/support/agent-swarm.mjs'), [JSON.stringify({ url, credentialsFile: file, localAddress: `127.0.0.${20 + i}`, heartbeatSeconds })], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: [] });
    });
    const swarm = new Swarm(children, dir);
    await swarm.askAll({}, 'ready');
    return swarm;
  }

  /** Connects every agent; resolves once all are connected. */
  async connect(): Promise<number> {
    const answers = await this.askAll({ type: 'connect' }, 'connected');
    return answers.reduce((n, a) => n + a.connected, 0);
  }

  /** Every agent sends an alert and two heartbeats (one in ten a ticket too), each until acknowledged. */
  async burst(tag: string): Promise<{ acked: SwarmWrite[]; refused: Array<SwarmWrite & { error: unknown }> }> {
    const answers = await this.askAll({ type: 'burst', tag }, 'burst-done');
    return { acked: answers.flatMap((a) => a.acked), refused: answers.flatMap((a) => a.refused) };
  }

  async status(): Promise<{ connected: number; reconnects: number }> {
    const answers = await this.askAll({ type: 'status' }, 'status');
    return { connected: answers.reduce((n, a) => n + a.connected, 0), reconnects: answers.reduce((n, a) => n + a.reconnects, 0) };
  }

  async close(): Promise<void> {
    await Promise.all(
      this.children.map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.exitCode !== null || c.signalCode !== null) return resolve();
            c.once('exit', () => resolve());
            c.send({ type: 'close' });
          }),
      ),
    );
    rmSync(this.dir, { recursive: true, force: true });
  }

  private askAll<T extends Answer['type']>(command: object, answer: T): Promise<Array<Extract<Answer, { type: T }>>> {
    return Promise.all(
      this.children.map(
        (child) =>
          new Promise<Extract<Answer, { type: T }>>((resolve, reject) => {
            const onExit = (code: number | null) => reject(new Error(`an agent swarm process exited (${code})`));
            const onMessage = (message: Answer) => {
              if (message.type !== answer) return;
              child.off('message', onMessage);
              child.off('exit', onExit);
              resolve(message as Extract<Answer, { type: T }>);
            };
            child.on('message', onMessage);
            child.once('exit', onExit);
            if ('type' in command) child.send(command);
          }),
      ),
    );
  }
}
