import { AlertsChangedSchema } from '@deskside/protocol';
import { seededRandom } from '../random.js';
import { SimulatedAgent, simulatedMetrics } from '../simulated-agent.js';
import { planAlerts } from './alert-plan.js';
import { alertKey, ArrivalTimer } from './arrival-timer.js';
import { openConsole } from './console-session.js';
import type { AgentCredential } from './messages.js';

export interface AlertProbeResult {
  /** Emit → console, in ms; alerts that never arrived count as Infinity. */
  latencies: number[];
  sent: number;
  received: number;
  /** Refused or unacknowledged by the hub: not a latency, reported apart. */
  refused: number;
  lost: number;
}

/**
 * A share of the fleet, run on this thread so one clock times both ends: these agents heartbeat
 * like the rest and raise real alerts (`alert:raise`) at random moments of the window, while a
 * console that sent `alerts:watch` notes when each alert first reaches it (`alerts:changed`).
 */
export class AlertProbe {
  private idle: NodeJS.Timeout | undefined;

  private constructor(
    private readonly agents: SimulatedAgent[],
    private readonly consoleSession: Awaited<ReturnType<typeof openConsole>>,
  ) {}

  /**
   * Connects the alerting agents (already enrolled) and a watching console; on `consoleHubUrl`
   * when given (in a cluster: another hub than the agents', so the figure includes the adapter).
   */
  static async start(opts: { hubUrl: string; consoleHubUrl?: string; adminPassword: string; credentials: AgentCredential[] }): Promise<AlertProbe> {
    const consoleSession = await openConsole(opts.consoleHubUrl ?? opts.hubUrl, opts.adminPassword);
    const watch = (await consoleSession.socket.timeout(10_000).emitWithAck('alerts:watch')) as { ok?: unknown };
    if (watch.ok !== true) throw new Error(`alerts:watch was refused: ${JSON.stringify(watch)}`);
    const agents = opts.credentials.map((c, i) => {
      const agent = new SimulatedAgent({ hubUrl: opts.hubUrl, enrollToken: 'unused', machineId: 'unused', hostname: `bench-alerting-${i}`, deviceId: c.deviceId });
      agent.deviceKey = c.deviceKey;
      return agent;
    });
    // Each heartbeats once connected and keeps doing so until run(): a device silent past
    // heartbeat + grace is disconnected by the hub, and the others may take long to connect.
    const probe = new AlertProbe(agents, consoleSession);
    await Promise.all(agents.map((a) => a.connect().then(() => a.heartbeat(simulatedMetrics()).catch(() => undefined))));
    probe.idle = setInterval(() => {
      for (const a of agents) void a.heartbeat(simulatedMetrics()).catch(() => undefined);
    }, 20_000);
    probe.idle.unref();
    return probe;
  }

  get connected(): number {
    return this.agents.filter((a) => a.socket?.connected).length;
  }

  /** Heartbeats and `count` alerts over `seconds`; then waits up to `graceMs` for stragglers. */
  async run(opts: { count: number; seconds: number; heartbeatSeconds: number; graceMs?: number; seed?: number }): Promise<AlertProbeResult> {
    clearInterval(this.idle);
    const timer = new ArrivalTimer();
    const onChanged = (payload: unknown) => {
      const at = performance.now();
      // Validated like the console does before it shows anything; what fails is not "received".
      const parsed = AlertsChangedSchema.safeParse(payload);
      if (!parsed.success) return;
      for (const a of parsed.data.alerts) timer.arrived(alertKey(a.deviceId, a.check, a.subject), at);
    };
    this.consoleSession.socket.on('alerts:changed', onChanged);

    const windowMs = opts.seconds * 1000;
    const started = performance.now();
    const end = started + windowMs;
    const heartbeats = this.agents.map(async (agent) => {
      // A random phase, like the rest of the fleet; no sleeping past the window's end.
      await sleep(Math.min(Math.random() * opts.heartbeatSeconds * 1000, end - performance.now()));
      while (performance.now() < end) {
        const t = performance.now();
        await agent.heartbeat(simulatedMetrics()).catch(() => undefined);
        await sleep(Math.min(t + opts.heartbeatSeconds * 1000, end) - performance.now());
      }
    });

    let refused = 0;
    const raises: Array<Promise<void>> = [];
    for (const planned of planAlerts(opts.count, windowMs, this.agents.length, seededRandom(opts.seed ?? 20_251_124))) {
      await sleep(started + planned.atMs - performance.now());
      const agent = this.agents[planned.agentIndex];
      if (!agent) continue;
      const key = alertKey(agent.deviceId, planned.alert.check, planned.alert.subject);
      timer.sent(key, performance.now());
      raises.push(
        agent.raiseAlert(planned.alert).then(
          (ack) => {
            if (!ack.ok) {
              refused++;
              timer.abandon(key);
            }
          },
          () => {
            refused++;
            timer.abandon(key);
          },
        ),
      );
    }
    await Promise.all(raises);
    const graceEnd = performance.now() + (opts.graceMs ?? 5000);
    while (timer.outstanding > 0 && performance.now() < graceEnd) await sleep(20);
    this.consoleSession.socket.off('alerts:changed', onChanged);
    await Promise.all(heartbeats);
    return {
      latencies: timer.latenciesCountingLost(),
      sent: opts.count,
      received: timer.latencies.length,
      refused,
      lost: timer.outstanding,
    };
  }

  close(): void {
    clearInterval(this.idle);
    for (const a of this.agents) a.close();
    this.consoleSession.socket.disconnect();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
