import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installerDir } from '../../services/agent-installers/installer-dir.js';
import { agentDownloadRoutes } from './agent-download-routes.js';

const root = mkdtempSync(join(tmpdir(), 'installers-'));
const dir = join(root, 'agent-installers');
mkdirSync(dir);
writeFileSync(join(dir, 'Deskside Agent Setup 1.5.0.exe'), 'MZ-installer-bytes');
writeFileSync(join(dir, 'deskside-agent_1.5.0_amd64.deb'), 'deb-bytes');
writeFileSync(join(dir, 'notes.txt'), 'not an installer');
writeFileSync(join(root, 'secrets.key'), 'never served');
symlinkSync(join(root, 'secrets.key'), join(dir, 'link.msi'));
const [list, download] = agentDownloadRoutes(installerDir(dir));

let server: Server;
let base: string;
beforeAll(async () => {
  // The download route behind a real HTTP server, the router's part played by a path split.
  server = createServer((req, res) => {
    const file = decodeURIComponent((req.url ?? '').replace('/downloads/agent/', ''));
    void download!.handler({ req, params: { file }, query: new URLSearchParams(), ip: '127.0.0.1' }).then((result) => {
      if ('stream' in result) return result.stream(res);
      res.writeHead(result.status ?? 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify('json' in result ? result.json : null));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/downloads/agent/`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('agent installers', () => {
  it('lists only installer files placed in the directory, with their platform', async () => {
    const result = await list!.handler({ req: undefined as never, params: {}, query: new URLSearchParams(), ip: '' });
    const installers = ('json' in result ? result.json : null) as { installers: { file: string; kind: string; platform: string; bytes: number; url: string }[] };
    expect(installers.installers.map((i) => [i.file, i.kind, i.platform, i.bytes])).toEqual([
      ['Deskside Agent Setup 1.5.0.exe', 'nsis', 'win32', 18],
      ['deskside-agent_1.5.0_amd64.deb', 'deb', 'linux', 9],
    ]);
    expect(installers.installers[0]?.url).toBe('/downloads/agent/Deskside%20Agent%20Setup%201.5.0.exe');
  });

  it('serves an installer as a download', async () => {
    const res = await fetch(`${base}${encodeURIComponent('Deskside Agent Setup 1.5.0.exe')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''Deskside%20Agent%20Setup%201.5.0.exe");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe('MZ-installer-bytes');
  });

  it('answers 404 for anything else: other files, paths out of the directory, symlinks', async () => {
    for (const name of ['notes.txt', '../secrets.key', '..%2Fsecrets.key', 'link.msi', 'missing.msi', '.hidden.exe']) {
      expect((await fetch(`${base}${encodeURIComponent(name)}`)).status, name).toBe(404);
    }
  });
});
