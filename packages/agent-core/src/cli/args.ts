import { parseArgs } from 'node:util';
import { normalizeFingerprint } from '../connection/tls-pin.js';
import { ImpactSchema, TicketCategorySchema, UrgencySchema, type Impact, type TicketCategory, type Urgency } from '@deskside/protocol';

/** A parsed command line. */
export type CliCommand =
  | {
      command: 'run';
      hubUrl: string | undefined;
      enrollToken: string | undefined;
      stateDir: string | undefined;
      /** Canonical `AA:BB:…` form; from `--hub-fingerprint` or `DESKSIDE_HUB_FINGERPRINT`. */
      hubFingerprint: string | undefined;
    }
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
  deskside-agent run --hub URL --enroll-token TOKEN [--hub-fingerprint SHA256] [--state-dir DIR]
      Run the headless agent. The token is needed only the first time; later runs use the stored
      device credential (--hub and --enroll-token may then be left out).
      --hub-fingerprint: the SHA-256 of an https hub's certificate (openssl x509 -in cert.pem
      -noout -fingerprint -sha256); the token is sent only to a hub showing that certificate.
      Without it, https hubs are checked against the system's CAs. Either way the agent then pins
      the hub's certificate for every later connection.
  deskside-agent inventory [--pretty]
      Print this machine's full inventory as JSON on stdout; no hub needed.
  deskside-agent ticket --subject S --description D [--urgency U] [--impact I] [--category C] [--state-dir DIR]
      Queue a ticket in this agent's outbox; the agent sends it (now, or when the hub is back).
      U, I: high | medium | low (default medium, low). C: hardware | software | account | network |
      printer | email | other (default other). Prints the ticket id and "queued".
  deskside-agent --help

Environment:
  DESKSIDE_AGENT_MACHINE_ID   replaces the OS machine id (tests, simulators, re-imaged PCs)
  DESKSIDE_HUB_FINGERPRINT    the hub's certificate fingerprint, when --hub-fingerprint is not given
  DESKSIDE_ENROLL_TOKEN       the enrolment token, when --enroll-token is not given (keeps it out of \`ps\`)
`;

/** Parses `argv` (without node and the script). Throws {@link UsageError} on anything unexpected. */
export function parseCli(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): CliCommand {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') return { command: 'help' };
  if (command === 'run') {
    const { values } = parse(rest, {
      hub: { type: 'string' },
      'enroll-token': { type: 'string' },
      'state-dir': { type: 'string' },
      'hub-fingerprint': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values['help']) return { command: 'help' };
    return {
      command: 'run',
      hubFingerprint: fingerprint(values['hub-fingerprint'] ?? (env['DESKSIDE_HUB_FINGERPRINT'] || undefined)),
      hubUrl: nonEmpty(values['hub'], '--hub'),
      // The environment keeps the token out of the process list (`ps` shows every user the arguments).
      enrollToken: nonEmpty(values['enroll-token'] ?? (env['DESKSIDE_ENROLL_TOKEN'] || undefined), '--enroll-token'),
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

function fingerprint(value: string | boolean | undefined): string | undefined {
  const given = nonEmpty(value, '--hub-fingerprint');
  if (given === undefined) return undefined;
  const canonical = normalizeFingerprint(given);
  if (!canonical) throw new UsageError('--hub-fingerprint must be a SHA-256 fingerprint: 64 hex digits, colons optional');
  return canonical;
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
