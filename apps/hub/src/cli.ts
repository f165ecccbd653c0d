/** The `deskside-hub` command. Exit codes: 0 help or clean stop, 1 start-up failure, 2 bad usage. */
import { parseCliArgs, USAGE } from './cli-args.js';
import { ConfigError, resolveConfig } from './config.js';
import { runHub } from './index.js';

async function main(argv: readonly string[]): Promise<void> {
  let config;
  try {
    const command = parseCliArgs(argv);
    if (command.kind === 'help') {
      process.stdout.write(USAGE);
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
