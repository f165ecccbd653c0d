// Keeps the one file the sandboxed preload needs. tsc (tsconfig.preload.json) wrote the preload
// and, as CommonJS, the common/ files it type-read into a scratch dir; only the preload is kept,
// in dist/preload/ with a package.json marking it CommonJS (the app's package.json says "module").
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const scratch = new URL('../dist/.preload-tmp/', import.meta.url);
const target = new URL('../dist/preload/', import.meta.url);
const built = new URL('preload/index.js', scratch);

// A sandboxed preload can require only a few built-ins; a relative require would fail at run time.
const requires = [...readFileSync(built, 'utf8').matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
const foreign = requires.filter((name) => name !== 'electron');
if (foreign.length > 0) {
  console.error(`preload requires ${foreign.join(', ')}: a sandboxed preload may require only 'electron'`);
  process.exit(1);
}

mkdirSync(target, { recursive: true });
copyFileSync(built, new URL('index.js', target));
writeFileSync(new URL('package.json', target), `${JSON.stringify({ type: 'commonjs' })}\n`);
rmSync(scratch, { recursive: true, force: true });
