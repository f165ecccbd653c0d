// Bundles the headless agent (`deskside-agent`) into dist/bundle/ with esbuild: one entry for the
// CLI, one for the inventory worker, and shared chunks that each command loads when it runs.
// A bundle resolves no module paths and parses one file per chunk, which is most of a cold start.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/bundle`;
rmSync(outdir, { recursive: true, force: true });

await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli/main.ts', 'collect-worker': 'src/collectors/collect-worker.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // The TypeScript sources of the workspace packages, not their dist/.
  conditions: ['source'],
  // ws tries these native accelerators and does without them.
  external: ['bufferutil', 'utf-8-validate'],
  // CommonJS dependencies (systeminformation, node-machine-id) call require() for Node built-ins.
  banner: { js: "import { createRequire as __dsCreateRequire } from 'node:module'; const require = __dsCreateRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
  minifySyntax: true,
  minifyWhitespace: true,
  sourcemap: 'linked',
});
