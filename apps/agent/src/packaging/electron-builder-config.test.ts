import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// The root electron-builder.yml, validated against the schema electron-builder itself uses.
const CONFIG_URL = new URL('../../../../electron-builder.yml', import.meta.url);
const require = createRequire(import.meta.url);
const scheme: unknown = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'));

type Config = Record<string, unknown> & {
  electronFuses?: Record<string, unknown>;
  win?: { target?: unknown };
  mac?: { target?: unknown; hardenedRuntime?: unknown; category?: unknown };
  linux?: { target?: unknown; category?: unknown };
  nsis?: Record<string, unknown>;
};

let validate: ValidateFunction;
let config: Config;

beforeAll(() => {
  // The options app-builder-lib's own validator uses, less type coercion (we want exact types).
  validate = new Ajv({ allErrors: true, strict: false }).compile(scheme as object);
  config = parse(readFileSync(CONFIG_URL, 'utf8')) as Config;
});

const errorsOf = (data: unknown): string[] =>
  validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`);

describe('electron-builder.yml', () => {
  it('matches app-builder-lib scheme.json', () => {
    expect(errorsOf(config)).toEqual([]);
  });

  it('is rejected with an unknown top-level key (the validation can fail)', () => {
    expect(errorsOf({ ...config, appIdentifier: 'typo' })).not.toEqual([]);
  });

  it('is rejected with an unknown fuse or nsis option', () => {
    expect(errorsOf({ ...config, electronFuses: { ...config.electronFuses, runAsNodeX: false } })).not.toEqual([]);
    expect(errorsOf({ ...config, nsis: { ...config.nsis, perUser: true } })).not.toEqual([]);
  });

  it('is rejected with a wrongly typed value', () => {
    expect(errorsOf({ ...config, asar: 'yes' })).not.toEqual([]);
  });

  it('names and packages the tray agent only', () => {
    expect(config).toMatchObject({
      appId: 'org.deskside.agent',
      productName: 'Deskside Agent',
      asar: true,
      directories: { app: 'apps/agent' },
    });
  });

  it('sets the security fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('builds the installers for every platform', () => {
    expect(config.win?.target).toEqual(['nsis', 'msi']);
    expect(config.nsis).toMatchObject({ perMachine: true, oneClick: false });
    expect(config.mac).toMatchObject({ target: ['dmg', 'pkg'], hardenedRuntime: true, category: 'public.app-category.utilities' });
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb', 'rpm'], category: 'Utility' });
  });

  it('carries the silent-install parameters and the service into every installer', () => {
    expect(config.nsis).toMatchObject({ include: 'apps/agent/build/installer.nsh', perMachine: true });
    expect(config['pkg']).toMatchObject({ scripts: 'apps/agent/build/pkg-scripts' });
    for (const target of ['deb', 'rpm']) expect(config[target]).toMatchObject({ afterInstall: 'apps/agent/build/linux/after-install.sh', afterRemove: 'apps/agent/build/linux/after-remove.sh' });
    expect(config['extraResources']).toEqual(expect.arrayContaining([{ from: 'packages/agent-core/dist/bundle', to: 'agent/dist/bundle' }]));
    // The service cannot run as the Electron binary: the runAsNode fuse stays off.
    expect(config.electronFuses?.['runAsNode']).toBe(false);
  });

  it('publishes for electron-updater\'s generic provider with the code signature checked', () => {
    expect(config['publish']).toEqual([expect.objectContaining({ provider: 'generic', channel: 'latest' })]);
    expect(config.win).toMatchObject({ verifyUpdateCodeSignature: true });
  });

  it('packs the built app, not its sources', () => {
    const files = config['files'] as string[];
    expect(files).toEqual(expect.arrayContaining(['package.json', 'dist/main/**/*', 'dist/preload/**/*', 'dist/renderer/**/*', 'assets/**/*']));
    expect(files.some((pattern) => pattern.startsWith('src'))).toBe(false);
  });
});
