// Completes the build: keeps the one preload file the sandbox can load (CommonJS, requiring only
// 'electron') in dist/preload/, and copies the settings page's HTML and CSS next to its script.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const dist = new URL('../dist/', import.meta.url);
const scratch = new URL('.preload-tmp/', dist);
const built = new URL('preload/index.js', scratch);

const requires = [...readFileSync(built, 'utf8').matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
const foreign = requires.filter((name) => name !== 'electron');
if (foreign.length > 0) {
  console.error(`preload requires ${foreign.join(', ')}: a sandboxed preload may require only 'electron'`);
  process.exit(1);
}
mkdirSync(new URL('preload/', dist), { recursive: true });
copyFileSync(built, new URL('preload/index.js', dist));
writeFileSync(new URL('preload/package.json', dist), `${JSON.stringify({ type: 'commonjs' })}\n`);
rmSync(scratch, { recursive: true, force: true });

mkdirSync(new URL('renderer/', dist), { recursive: true });
for (const file of ['settings.html', 'settings.css']) {
  copyFileSync(new URL(`../src/renderer/${file}`, import.meta.url), new URL(`renderer/${file}`, dist));
}
