import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AgentReleaseManifestSchema } from '@deskside/protocol';
import { generateReleaseKey, signRelease } from '../update/release-signature.js';
import { errorMessage } from '../util/with-timeout.js';
import type { CliIo } from './cli-io.js';

export type ReleaseArgs = { action: 'keygen'; outDir: string } | { action: 'sign'; keyFile: string; manifestFile: string };

/**
 * `deskside-agent release keygen|sign`, run by the hub's admin on their own machine: the private
 * key never goes to the hub. keygen writes release-key.pem (0600) and release-key.pub.json (what
 * agents trust, `updateKeys` in their machine configuration); sign prints the signed metadata to
 * upload to the hub's Releases page.
 */
export async function releaseCommand(args: ReleaseArgs, io: CliIo): Promise<number> {
  try {
    if (args.action === 'keygen') {
      const { privateKeyPem, trusted } = generateReleaseKey();
      await writeFile(join(args.outDir, 'release-key.pem'), privateKeyPem, { mode: 0o600, flag: 'wx' });
      await writeFile(join(args.outDir, 'release-key.pub.json'), `${JSON.stringify(trusted, null, 2)}\n`, { flag: 'wx' });
      io.stdout(`Wrote release-key.pem (keep it offline, owner-only) and release-key.pub.json (key id ${trusted.keyId}).\n`);
      return 0;
    }
    const manifest = AgentReleaseManifestSchema.safeParse(JSON.parse(await readFile(args.manifestFile, 'utf8')));
    if (!manifest.success) {
      io.stderr(`deskside-agent: ${args.manifestFile} is not a release manifest: ${manifest.error.issues.map((i) => i.path.join('.')).join(', ')}\n`);
      return 1;
    }
    io.stdout(`${JSON.stringify(signRelease(manifest.data, await readFile(args.keyFile, 'utf8')))}\n`);
    return 0;
  } catch (e) {
    io.stderr(`deskside-agent: release ${args.action} failed: ${errorMessage(e)}\n`);
    return 1;
  }
}
