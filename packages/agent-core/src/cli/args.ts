import { parseArgs } from 'node:util';

/** A parsed command line. */
export type CliCommand =
  | { command: 'run'; hubUrl: string | undefined; enrollToken: string | undefined; stateDir: string | undefined }
  | { command: 'inventory'; pretty: boolean }
  | { command: 'help' };

/** A command line we cannot act on: exit code 2 with this message. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const USAGE = `Usage:
  deskside-agent run --hub URL --enroll-token TOKEN [--state-dir DIR]
      Run the headless agent. The token is needed only the first time; later runs use the stored
      device credential (--hub and --enroll-token may then be left out).
  deskside-agent inventory [--pretty]
      Print this machine's full inventory as JSON on stdout; no hub needed.
  deskside-agent --help

Environment:
  DESKSIDE_AGENT_MACHINE_ID   replaces the OS machine id (tests, simulators, re-imaged PCs)
`;

/** Parses `argv` (without node and the script). Throws {@link UsageError} on anything unexpected. */
export function parseCli(argv: readonly string[]): CliCommand {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') return { command: 'help' };
  if (command === 'run') {
    const { values } = parse(rest, {
      hub: { type: 'string' },
      'enroll-token': { type: 'string' },
      'state-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values['help']) return { command: 'help' };
    return {
      command: 'run',
      hubUrl: nonEmpty(values['hub'], '--hub'),
      enrollToken: nonEmpty(values['enroll-token'], '--enroll-token'),
      stateDir: nonEmpty(values['state-dir'], '--state-dir'),
    };
  }
  if (command === 'inventory') {
    const { values } = parse(rest, { pretty: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } });
    if (values['help']) return { command: 'help' };
    return { command: 'inventory', pretty: values['pretty'] === true };
  }
  throw new UsageError(`unknown command "${command}"`);
}

type Options = Record<string, { type: 'string' | 'boolean'; short?: string }>;

function parse(args: string[], options: Options): { values: Record<string, string | boolean | undefined> } {
  try {
    const { values } = parseArgs({ args, options, strict: true, allowPositionals: false });
    return { values: values as Record<string, string | boolean | undefined> };
  } catch (e) {
    // parseArgs names the offending flag; its wording is kept, its error code is not.
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}

function nonEmpty(value: string | boolean | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`${flag} needs a value`);
  return value.trim();
}
