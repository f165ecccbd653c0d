import { parseArgs } from 'node:util';
import { ImpactSchema, TicketCategorySchema, UrgencySchema, type Impact, type TicketCategory, type Urgency } from '@deskside/protocol';

/** A parsed command line. */
export type CliCommand =
  | { command: 'run'; hubUrl: string | undefined; enrollToken: string | undefined; stateDir: string | undefined }
  | { command: 'inventory'; pretty: boolean }
  | {
      command: 'ticket';
      subject: string;
      description: string;
      urgency: Urgency;
      impact: Impact;
      category: TicketCategory;
      stateDir: string | undefined;
    }
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
  deskside-agent ticket --subject S --description D [--urgency U] [--impact I] [--category C] [--state-dir DIR]
      Queue a ticket in this agent's outbox; the agent sends it (now, or when the hub is back).
      U, I: high | medium | low (default medium, low). C: hardware | software | account | network |
      printer | email | other (default other). Prints the ticket id and "queued".
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
  if (command === 'ticket') return parseTicket(rest);
  throw new UsageError(`unknown command "${command}"`);
}

function parseTicket(rest: string[]): CliCommand {
  const { values } = parse(rest, {
    subject: { type: 'string' },
    description: { type: 'string' },
    urgency: { type: 'string' },
    impact: { type: 'string' },
    category: { type: 'string' },
    'state-dir': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values['help']) return { command: 'help' };
  const subject = nonEmpty(values['subject'], '--subject');
  const description = nonEmpty(values['description'], '--description');
  if (!subject) throw new UsageError('--subject is required');
  if (!description) throw new UsageError('--description is required');
  return {
    command: 'ticket',
    subject,
    description,
    urgency: oneOf(UrgencySchema.options, values['urgency'], '--urgency') ?? 'medium',
    impact: oneOf(ImpactSchema.options, values['impact'], '--impact') ?? 'low',
    category: oneOf(TicketCategorySchema.options, values['category'], '--category') ?? 'other',
    stateDir: nonEmpty(values['state-dir'], '--state-dir'),
  };
}

function oneOf<T extends string>(allowed: readonly T[], value: string | boolean | undefined, flag: string): T | undefined {
  const given = nonEmpty(value, flag);
  if (given === undefined) return undefined;
  const match = allowed.find((a) => a === given);
  if (!match) throw new UsageError(`${flag} must be one of ${allowed.join(', ')}`);
  return match;
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
