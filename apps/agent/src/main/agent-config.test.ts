import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AGENT_CONFIG_FILE, loadAgentConfig, type ConfigSources } from './agent-config.js';

const EXE = '/opt/Deskside Agent';
const USER = '/home/alice/.config/Deskside Agent';

function sources(files: Record<string, string>, env: NodeJS.ProcessEnv = {}): ConfigSources {
  return { exeDir: EXE, userDataDir: USER, env, readText: async (file) => files[file] ?? null };
}
const at = (dir: string) => path.join(dir, AGENT_CONFIG_FILE);

describe('loadAgentConfig', () => {
  it('is empty without any file or variable', async () => {
    expect(await loadAgentConfig(sources({}))).toEqual({ hubUrl: null, enrollToken: null, hubFingerprint: null, helpDesk: null, hideQuit: false, source: null });
  });

  it('takes a pinned hub fingerprint from the file or DESKSIDE_HUB_FINGERPRINT, in canonical form, and refuses junk', async () => {
    const hex = 'ab'.repeat(32);
    const canonical = Array.from({ length: 32 }, () => 'AB').join(':');
    expect((await loadAgentConfig(sources({ [at(EXE)]: JSON.stringify({ hubUrl: 'https://hub.example.com', hubFingerprint: `sha256:${hex}` }) }))).hubFingerprint).toBe(canonical);
    expect((await loadAgentConfig(sources({}, { DESKSIDE_HUB_FINGERPRINT: canonical.toLowerCase() }))).hubFingerprint).toBe(canonical);
    await expect(loadAgentConfig(sources({ [at(EXE)]: JSON.stringify({ hubFingerprint: 'abc' }) }))).rejects.toThrow(/hubFingerprint/);
    await expect(loadAgentConfig(sources({}, { DESKSIDE_HUB_FINGERPRINT: 'nope' }))).rejects.toThrow(/malformed/);
  });

  it('prefers the file next to the executable over userData', async () => {
    const config = await loadAgentConfig(
      sources({
        [at(EXE)]: JSON.stringify({ hubUrl: 'https://hub.example.com', enrollToken: 'token-from-installer' }),
        [at(USER)]: JSON.stringify({ hubUrl: 'https://other.example.com' }),
      }),
    );
    expect(config).toMatchObject({ hubUrl: 'https://hub.example.com', enrollToken: 'token-from-installer', source: at(EXE) });
  });

  it('reads userData when there is no file next to the executable', async () => {
    const config = await loadAgentConfig(
      sources({ [at(USER)]: JSON.stringify({ hubUrl: 'http://127.0.0.1:4800', helpDesk: { name: 'IT', phone: '+1 555 0100' } }) }),
    );
    expect(config).toMatchObject({
      hubUrl: 'http://127.0.0.1:4800',
      helpDesk: { name: 'IT', phone: '+1 555 0100', email: null, url: null },
    });
  });

  it('lets the environment override the file (scripted installs)', async () => {
    const config = await loadAgentConfig(
      sources(
        { [at(EXE)]: JSON.stringify({ hubUrl: 'https://hub.example.com', enrollToken: 'file-token-123' }) },
        { DESKSIDE_HUB_URL: 'https://env.example.com', DESKSIDE_ENROLL_TOKEN: 'env-token-456' },
      ),
    );
    expect(config).toMatchObject({ hubUrl: 'https://env.example.com', enrollToken: 'env-token-456' });
  });

  it.each([
    ['not JSON', '{hubUrl:'],
    ['an unknown key', JSON.stringify({ hubURL: 'https://hub.example.com' })],
    ['a non-http hub URL', JSON.stringify({ hubUrl: 'file:///etc/passwd' })],
    ['a javascript: help desk link', JSON.stringify({ helpDesk: { url: 'javascript:alert(1)' } })],
    ['a short token', JSON.stringify({ enrollToken: 'x' })],
    ['an array', '[]'],
  ])('refuses a file with %s', async (_name, text) => {
    await expect(loadAgentConfig(sources({ [at(EXE)]: text }))).rejects.toThrow(AGENT_CONFIG_FILE);
  });

  it('never puts the token in its error', async () => {
    const secret = 'super-secret-token-value';
    const failure = loadAgentConfig(sources({ [at(EXE)]: JSON.stringify({ enrollToken: secret, hubUrl: 'nope' }) }));
    await expect(failure).rejects.toThrow(/hubUrl/);
    await expect(failure).rejects.not.toThrow(secret);
  });

  it('refuses a malformed environment variable', async () => {
    await expect(loadAgentConfig(sources({}, { DESKSIDE_HUB_URL: 'not a url' }))).rejects.toThrow('DESKSIDE_HUB_URL');
  });
});
