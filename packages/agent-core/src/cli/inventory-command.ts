import { collectInventory } from '../collectors/collect-inventory.js';
import { errorMessage } from '../util/with-timeout.js';
import type { CliIo } from './cli-io.js';

/** `deskside-agent inventory [--pretty]`: the full inventory as JSON on stdout. */
export async function inventoryCommand(pretty: boolean, io: CliIo): Promise<number> {
  try {
    const document = await collectInventory();
    io.stdout(`${JSON.stringify(document, null, pretty ? 2 : undefined)}\n`);
    return 0;
  } catch (e) {
    io.stderr(`deskside-agent: inventory failed: ${errorMessage(e)}\n`);
    return 1;
  }
}
