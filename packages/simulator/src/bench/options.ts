import { parseArgs } from 'node:util';

export interface BenchOptions {
  agents: number;
  workers: number;
  heartbeatSeconds: number;
  steadySeconds: number;
  throughputSeconds: number;
  hubBin: string;
}

const USAGE = `npm run bench -- [--agents 2000] [--workers 2] [--heartbeat-seconds 30]
                  [--steady-seconds 40] [--throughput-seconds 10] [--hub-bin PATH]`;

/** Parses the bench flags; throws a message with the usage on anything wrong. */
export function parseBenchOptions(argv: string[], defaultHubBin: string): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      agents: { type: 'string', default: '2000' },
      workers: { type: 'string', default: '2' },
      'heartbeat-seconds': { type: 'string', default: '30' },
      'steady-seconds': { type: 'string', default: '40' },
      'throughput-seconds': { type: 'string', default: '10' },
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
  return {
    agents: int('agents', values.agents, 1, 200_000),
    workers: int('workers', values.workers, 1, 64),
    heartbeatSeconds: int('heartbeat-seconds', values['heartbeat-seconds'], 1, 3600),
    steadySeconds: int('steady-seconds', values['steady-seconds'], 1, 3600),
    throughputSeconds: int('throughput-seconds', values['throughput-seconds'], 1, 600),
    hubBin: values['hub-bin'],
  };
}
