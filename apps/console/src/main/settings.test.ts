import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConsoleSettings, SETTINGS_FILE } from './settings.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'deskside-console-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe('ConsoleSettings', () => {
  it('suggests the local hub on first run', async () => {
    expect(await new ConsoleSettings(dir, {}).resolve()).toEqual({ hubUrl: 'http://127.0.0.1:4800', fromEnvironment: false, firstRun: true });
  });

  it('saves the origin of the address typed, owner-only, and uses it next time', async () => {
    const settings = new ConsoleSettings(dir, {});
    expect(await settings.save('  https://hub.example.com/console/?x=1 ')).toEqual({ ok: true, hubUrl: 'https://hub.example.com' });
    if (process.platform !== 'win32') expect((await stat(settings.file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(settings.file, 'utf8'))).toEqual({ hubUrl: 'https://hub.example.com' });
    expect(await new ConsoleSettings(dir, {}).resolve()).toEqual({ hubUrl: 'https://hub.example.com', fromEnvironment: false, firstRun: false });
  });

  it.each([
    ['a file URL', 'file:///etc/passwd'],
    ['javascript:', 'javascript:alert(1)'],
    ['credentials', 'https://admin:pw@hub.example.com'],
    ['no scheme', 'hub.example.com'],
    ['an empty string', ''],
    ['a number', 4800],
  ])('refuses %s and writes nothing', async (_name, input) => {
    const settings = new ConsoleSettings(dir, {});
    const result = await settings.save(input);
    expect(result.ok).toBe(false);
    await expect(stat(settings.file)).rejects.toThrow();
  });

  it('lets DESKSIDE_CONSOLE_URL decide', async () => {
    const settings = new ConsoleSettings(dir, { DESKSIDE_CONSOLE_URL: 'http://10.0.0.5:4800/' });
    await settings.save('https://hub.example.com');
    expect(await settings.resolve()).toEqual({ hubUrl: 'http://10.0.0.5:4800', fromEnvironment: true, firstRun: false });
  });

  it('refuses a malformed DESKSIDE_CONSOLE_URL', async () => {
    await expect(new ConsoleSettings(dir, { DESKSIDE_CONSOLE_URL: 'file:///x' }).resolve()).rejects.toThrow('DESKSIDE_CONSOLE_URL');
  });

  it.each([
    ['damaged JSON', '{"hubUrl":'],
    ['an unknown key', JSON.stringify({ hubUrl: 'https://hub.example.com', extra: 1 })],
    ['a bad address', JSON.stringify({ hubUrl: 'javascript:alert(1)' })],
  ])('asks again when the file holds %s', async (_name, text) => {
    await writeFile(path.join(dir, SETTINGS_FILE), text);
    expect((await new ConsoleSettings(dir, {}).resolve()).firstRun).toBe(true);
  });
});
