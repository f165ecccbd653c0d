import path from 'node:path';
import { startProgram } from './child-process.js';
import { WorkerPool } from './worker-pool.js';

/**
 * The bare socket.io echo server's closed-loop throughput with the same clients and load as the
 * hub's. Run before and after the hub: on a shared machine the spare CPU drifts between the two,
 * and one baseline measured at another moment than the hub can move the ratio by a third.
 */
export async function measureEchoBaseline(opts: { benchDir: string; agents: number; workers: number; seconds: number }): Promise<number> {
  const echo = await startProgram(path.join(opts.benchDir, 'echo-server.js'), [], /ECHO_READY (\d+)/);
  const pool = new WorkerPool(opts.workers);
  try {
    const fakeAgents = Array.from({ length: opts.agents }, (_, i) => ({ deviceId: `echo-${i}`, deviceKey: 'x'.repeat(43) }));
    await pool.connect(`http://127.0.0.1:${echo.match[1]}`, '/agent', fakeAgents);
    const result = await pool.throughput(opts.seconds);
    await pool.disconnect();
    return result.acksPerSecond;
  } finally {
    await pool.terminate();
    echo.child.kill('SIGTERM');
  }
}
