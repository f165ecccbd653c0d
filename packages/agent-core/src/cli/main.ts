import { errorMessage } from '../util/with-timeout.js';
import { parseCli, UsageError, USAGE } from './args.js';
import { processIo, type CliIo } from './cli-io.js';
import { inventoryCommand } from './inventory-command.js';
import { runCommand } from './run-command.js';
import { ticketCommand } from './ticket-command.js';

/** The `deskside-agent` CLI. Resolves the exit code: 0 ok, 1 failure, 2 usage error. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
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
        return await inventoryCommand(command.pretty, io);
      case 'run':
        return await runCommand(command, io);
      case 'ticket':
        return await ticketCommand(command, io);
    }
  } catch (e) {
    io.stderr(`deskside-agent: ${errorMessage(e)}\n`);
    return 1;
  }
}
