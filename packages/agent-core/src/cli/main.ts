import { USAGE } from './usage.js';
import { processIo, type CliIo } from './cli-io.js';

/**
 * The `deskside-agent` CLI. Resolves the exit code: 0 ok, 1 failure, 2 usage error.
 * Every command is imported when it runs, so `--help` loads only this file and the usage text,
 * and `inventory` never loads the socket.io client.
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  if (isHelp(argv)) {
    io.stdout(USAGE);
    return 0;
  }
  const { parseCli, UsageError } = await import('./args.js');
  const { errorMessage } = await import('../util/with-timeout.js');
  let command;
  try {
    command = parseCli(argv, process.env);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`deskside-agent: ${e.message}\n\n${USAGE}`);
    return 2;
  }
  try {
    switch (command.command) {
      case 'help':
        io.stdout(USAGE);
        return 0;
      case 'inventory':
        return await (await import('./inventory-command.js')).inventoryCommand(command.pretty, io);
      case 'run':
        return await (await import('./run-command.js')).runCommand(command, io);
      case 'ticket':
        return await (await import('./ticket-command.js')).ticketCommand(command, io);
      case 'configure': {
        const { writeMachineConfig } = await import('../config/machine-config.js');
        const { execFileBuffered } = await import('../probes/exec.js');
        const { configFile, hubUrl, enrollToken, hubFingerprint } = command;
        await writeMachineConfig(configFile, { hubUrl, ...(enrollToken ? { enrollToken } : {}), ...(hubFingerprint ? { hubFingerprint } : {}) }, { exec: execFileBuffered });
        io.stdout(`wrote ${configFile} (owner-only)\n`);
        return 0;
      }
      case 'release':
        return await (await import('./release-command.js')).releaseCommand(command, io);
      case 'service':
        return await (await import('./service-command.js')).serviceCommand(command, io);
    }
  } catch (e) {
    io.stderr(`deskside-agent: ${errorMessage(e)}\n`);
    return 1;
  }
}

function isHelp(argv: readonly string[]): boolean {
  const [first] = argv;
  return first === undefined || first === '--help' || first === '-h' || first === 'help';
}
