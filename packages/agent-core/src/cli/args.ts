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
      /** The machine-wide configuration an installer wrote (hub URL, token, fingerprint). */
      configFile: string | undefined;
      /** Serve the users' trays on this Unix socket / named pipe (the system service). */
      ipcPath: string | undefined;
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
  | { command: 'service'; action: 'install' | 'uninstall' | 'status'; stateDir: string | undefined; configFile: string | undefined }
  | { command: 'configure'; configFile: string; hubUrl: string; enrollToken: string | undefined; hubFingerprint: string | undefined }
  | ({ command: 'release' } & ({ action: 'keygen'; outDir: string } | { action: 'sign'; keyFile: string; manifestFile: string }))
  | { command: 'help' };

/** A command line we cannot act on: exit code 2 with this message. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export { USAGE } from './usage.js';

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
      config: { type: 'string' },
      ipc: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values['help']) return { command: 'help' };
    return {
      command: 'run',
      ipcPath: nonEmpty(values['ipc'], '--ipc'),
      configFile: nonEmpty(values['config'], '--config'),
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
  if (command === 'service') return parseService(rest);
  if (command === 'release') {
    const [action, ...flags] = rest;
    const { values } = parse(flags, { out: { type: 'string' }, key: { type: 'string' }, manifest: { type: 'string' } });
    if (action === 'keygen') return { command: 'release', action, outDir: nonEmpty(values['out'], '--out') ?? '.' };
    const keyFile = nonEmpty(values['key'], '--key');
    const manifestFile = nonEmpty(values['manifest'], '--manifest');
    if (action !== 'sign' || !keyFile || !manifestFile) throw new UsageError('release needs: keygen [--out DIR] | sign --key FILE --manifest FILE');
    return { command: 'release', action, keyFile, manifestFile };
  }
  if (command === 'configure') {
    const { values } = parse(rest, { config: { type: 'string' }, hub: { type: 'string' }, 'enroll-token': { type: 'string' }, 'hub-fingerprint': { type: 'string' }, help: { type: 'boolean', short: 'h' } });
    if (values['help']) return { command: 'help' };
    const configFile = nonEmpty(values['config'], '--config');
    const hubUrl = nonEmpty(values['hub'], '--hub');
    if (!configFile || !hubUrl) throw new UsageError('configure needs --config FILE and --hub URL');
    return {
      command: 'configure',
      configFile,
      hubUrl,
      enrollToken: nonEmpty(values['enroll-token'] ?? (env['DESKSIDE_ENROLL_TOKEN'] || undefined), '--enroll-token'),
      hubFingerprint: fingerprint(values['hub-fingerprint'] ?? (env['DESKSIDE_HUB_FINGERPRINT'] || undefined)),
    };
  }
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

function parseService(rest: string[]): CliCommand {
  const [action, ...flags] = rest;
  if (action === '--help' || action === '-h') return { command: 'help' };
  if (action !== 'install' && action !== 'uninstall' && action !== 'status') throw new UsageError('service needs one of: install, uninstall, status');
  const { values } = parse(flags, { 'state-dir': { type: 'string' }, config: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if (values['help']) return { command: 'help' };
  return { command: 'service', action, stateDir: nonEmpty(values['state-dir'], '--state-dir'), configFile: nonEmpty(values['config'], '--config') };
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
