/** The `deskside-hub` command (and `deskside-hub rotate-secrets`). Exit codes: 0 help or clean stop / done, 1 start-up or rotation failure, 2 bad usage. */
import { runRotateCommand } from './bootstrap/rotate-command.js';
import { parseCliArgs, ROTATE_USAGE, USAGE, type CliCommand } from './cli-args.js';
import { ConfigError, resolveConfig } from './config.js';
import { runHub } from './index.js';
import { createLogger, parseLogLevel } from './log/logger.js';

async function main(argv: readonly string[]): Promise<void> {
  let config;
  let command: CliCommand;
  try {
    command = parseCliArgs(argv);
    if (command.kind === 'help' || command.kind === 'rotate-help') {
      process.stdout.write(command.kind === 'help' ? USAGE : ROTATE_USAGE);
      return;
    }
    config = resolveConfig(command.overrides, process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`deskside-hub: ${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    throw error;
  }
  if (command.kind === 'rotate-secrets') {
    try {
      const logger = createLogger({ level: parseLogLevel(process.env['DESKSIDE_LOG_LEVEL'] ?? 'warn') });
      process.stdout.write(await runRotateCommand(config, command, logger));
    } catch (error) {
      process.stderr.write(`deskside-hub rotate-secrets: ${describe(error)}\n`);
      process.exitCode = 1;
    }
    return;
  }
  try {
    await runHub(config);
  } catch (error) {
    process.stderr.write(`deskside-hub: could not start: ${describe(error)}\n`);
    process.exitCode = 1;
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') return `${error.message} (another program uses this port: pick one with --port)`;
    return error.message;
  }
  return String(error);
}

await main(process.argv.slice(2));
