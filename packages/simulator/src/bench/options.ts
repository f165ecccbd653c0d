import { parseArgs } from 'node:util';

export interface BenchOptions {
  agents: number;
  workers: number;
  heartbeatSeconds: number;
  steadySeconds: number;
  throughputSeconds: number;
  /** Alerts raised during the steady window (0: no alert measurement). */
  alerts: number;
  /** How many of the `agents` raise them (run on the main thread, so one clock times both ends). */
  alertAgents: number;
  hubBin: string;
  /** Hub processes (more than one needs PostgreSQL). */
  hubs: number;
  /** PostgreSQL URL, `local` for a throwaway cluster, or undefined: one hub on SQLite. */
  database: string | undefined;
}

const USAGE = `npm run bench -- [--agents 2000] [--workers N] [--heartbeat-seconds 30]
                  [--steady-seconds 40] [--throughput-seconds 10]
                  [--alerts 300] [--alert-agents 100] [--hub-bin PATH]
                  [--hubs N] [--database postgres://user@host/db | --database]
--workers: load processes (default one per 6,000 agents, at least 2 and one per hub).
--database without a URL starts a throwaway PostgreSQL (Debian's postgresql package).
A quick run: --agents 300 --steady-seconds 15 --throughput-seconds 5 --alerts 100 --alert-agents 30`;

/** Agents one load process drives by default: well under the 20,000 open files it may hold. */
const AGENTS_PER_LOAD_PROCESS = 6000;

/** Parses the bench flags; throws a message with the usage on anything wrong. */
export function parseBenchOptions(argv: string[], defaultHubBin: string): BenchOptions {
  // `--database` alone (last, or before another flag) means a throwaway PostgreSQL.
  const args = argv.flatMap((arg, i) => (arg === '--database' && (i === argv.length - 1 || argv[i + 1]?.startsWith('--')) ? [arg, 'local'] : [arg]));
  const { values } = parseArgs({
    args,
    options: {
      agents: { type: 'string', default: '2000' },
      workers: { type: 'string' },
      hubs: { type: 'string', default: '1' },
      database: { type: 'string' },
      'heartbeat-seconds': { type: 'string', default: '30' },
      'steady-seconds': { type: 'string', default: '40' },
      'throughput-seconds': { type: 'string', default: '10' },
      alerts: { type: 'string', default: '300' },
      'alert-agents': { type: 'string' },
      'hub-bin': { type: 'string', default: defaultHubBin },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) throw new Error(USAGE);
  const int = (name: string, raw: string, min: number, max: number) => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be a whole number from ${min} to ${max}\n${USAGE}`);
    return n;
  };
  const agents = int('agents', values.agents, 1, 200_000);
  // By default a twentieth of the fleet raises the alerts, at most 100 agents.
  const alertAgents = int('alert-agents', values['alert-agents'] ?? String(Math.min(100, Math.max(1, Math.round(agents / 20)))), 1, 10_000);
  if (alertAgents > agents) throw new Error(`--alert-agents (${alertAgents}) cannot be more than --agents (${agents})\n${USAGE}`);
  const hubs = int('hubs', values.hubs, 1, 16);
  const database = values.database;
  if (database !== undefined && database !== 'local' && !/^postgres(ql)?:\/\//.test(database)) {
    throw new Error(`--database takes a postgres:// URL, or nothing for a throwaway PostgreSQL\n${USAGE}`);
  }
  if (hubs > 1 && database === undefined) throw new Error(`--hubs ${hubs} needs --database (several hubs share one PostgreSQL)\n${USAGE}`);
  const defaultWorkers = Math.max(2, hubs, Math.ceil(agents / AGENTS_PER_LOAD_PROCESS));
  return {
    agents,
    workers: int('workers', values.workers ?? String(defaultWorkers), 1, 64),
    heartbeatSeconds: int('heartbeat-seconds', values['heartbeat-seconds'], 1, 3600),
    steadySeconds: int('steady-seconds', values['steady-seconds'], 1, 3600),
    throughputSeconds: int('throughput-seconds', values['throughput-seconds'], 1, 600),
    alerts: int('alerts', values.alerts, 0, 100_000),
    alertAgents,
    hubBin: values['hub-bin'],
    hubs,
    database,
  };
}
