// The knowledge base as a folder of Markdown files with front matter, through the hub's API.
//   node scripts/kb-folder.mjs export --hub URL --dir DIR   (writes DIR/<category>/<slug>--<id>.md)
//   node scripts/kb-folder.mjs import --hub URL --dir DIR   (creates or updates by id)
// The token comes from DESKSIDE_TOKEN (an API token with kb:read / kb:write, or a session token).
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const [command] = process.argv.slice(2);
const opt = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const hub = opt('hub');
const dir = opt('dir');
const token = process.env.DESKSIDE_TOKEN;
if (!['export', 'import'].includes(command) || !hub || !dir || !token) {
  process.stderr.write('usage: DESKSIDE_TOKEN=… node scripts/kb-folder.mjs export|import --hub URL --dir DIR\n');
  process.exit(2);
}
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json', origin: new URL(hub).origin };
const root = path.resolve(dir);

if (command === 'export') {
  const res = await fetch(new URL('/api/v1/kb/export', hub), { headers });
  if (!res.ok) throw new Error(`export failed: ${res.status} ${await res.text()}`);
  const { files } = await res.json();
  for (const file of files) {
    const target = path.resolve(root, file.path);
    if (!target.startsWith(root + path.sep)) throw new Error(`refusing a path outside the folder: ${file.path}`);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.content);
  }
  console.log(`exported ${files.length} articles to ${root}`);
} else {
  const files = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.md')) files.push({ path: path.relative(root, full).split(path.sep).join('/'), content: readFileSync(full, 'utf8') });
    }
  };
  walk(root);
  // One request per ~800 KB, under the API's 1 MB body limit.
  let batch = [];
  let size = 0;
  const totals = { created: 0, updated: 0, unchanged: 0 };
  const send = async () => {
    if (batch.length === 0) return;
    const res = await fetch(new URL('/api/v1/kb/import', hub), { method: 'POST', headers, body: JSON.stringify({ files: batch }) });
    if (!res.ok) throw new Error(`import failed: ${res.status} ${await res.text()}`);
    const result = await res.json();
    for (const k of Object.keys(totals)) totals[k] += result[k];
    batch = [];
    size = 0;
  };
  for (const f of files) {
    if (size + f.content.length > 800_000) await send();
    batch.push(f);
    size += f.content.length + f.path.length;
  }
  await send();
  console.log(`imported ${files.length} files: ${JSON.stringify(totals)}`);
}
