import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDatabaseTarget } from './database-url.js';

describe('resolveDatabaseTarget', () => {
  it.each([
    [{ dataDir: '/var/lib/deskside' }, { kind: 'sqlite-file', path: path.join('/var/lib/deskside', 'deskside.db') }],
    [{ databaseUrl: 'sqlite:///srv/hub/data.db' }, { kind: 'sqlite-file', path: '/srv/hub/data.db' }],
    [{ databaseUrl: 'sqlite:///srv/my%20hub/data.db' }, { kind: 'sqlite-file', path: '/srv/my hub/data.db' }],
    [{ databaseUrl: 'sqlite::memory:', dataDir: '/ignored' }, { kind: 'sqlite-memory' }],
    [{ databaseUrl: 'postgres://u:p@h/db' }, { kind: 'postgres', url: 'postgres://u:p@h/db' }],
    [{ databaseUrl: 'postgresql://h/db' }, { kind: 'postgres', url: 'postgresql://h/db' }],
  ])('%j → %j', (options, expected) => {
    expect(resolveDatabaseTarget(options)).toEqual(expected);
  });

  it('resolves a relative dataDir against the working directory', () => {
    expect(resolveDatabaseTarget({ dataDir: 'data' })).toEqual({
      kind: 'sqlite-file',
      path: path.join(process.cwd(), 'data', 'deskside.db'),
    });
  });

  it.each([
    [{}, /dataDir or a databaseUrl/],
    [{ databaseUrl: 'sqlite://relative.db' }, /absolute path/],
    [{ databaseUrl: 'sqlite:relative.db' }, /absolute path/],
    [{ databaseUrl: 'sqlite:///srv/' }, /name a file/],
    [{ databaseUrl: 'mysql://root:hunter2@h/db' }, /Unsupported database URL scheme "mysql"/],
    [{ databaseUrl: '/just/a/path.db' }, /Unsupported database URL scheme "\(none\)"/],
  ])('refuses %j', (options, message) => {
    expect(() => resolveDatabaseTarget(options)).toThrow(message);
  });

  it('never puts the URL (and its password) in an error', () => {
    expect(() => resolveDatabaseTarget({ databaseUrl: 'mysql://root:hunter2@h/db' })).not.toThrow(/hunter2/);
  });
});
