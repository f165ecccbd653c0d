import { InventorySectionsSchema } from '@deskside/protocol';
import { describe, expect, it } from 'vitest';
import { scriptedEnv, type ScriptedCommand } from '../exec-fixtures.js';
import { collectWindowsServices } from './services.js';

const scEntry = (name: string, display: string, state: string, exit = 0) =>
  [
    `SERVICE_NAME: ${name}`,
    `DISPLAY_NAME: ${display}`,
    '        TYPE               : 10  WIN32_OWN_PROCESS',
    `        STATE              : ${state}`,
    '                                (NOT_STOPPABLE, NOT_PAUSABLE, IGNORES_SHUTDOWN)',
    `        WIN32_EXIT_CODE    : ${exit}  (0x${exit.toString(16)})`,
    '        SERVICE_EXIT_CODE  : 0  (0x0)',
    '        CHECKPOINT         : 0x0',
    '        WAIT_HINT          : 0x0',
    '',
  ].join('\r\n');

const SC = ['', scEntry('Spooler', 'Print Spooler', '4  RUNNING'), scEntry('wuauserv', 'Windows Update', '1  STOPPED'), scEntry('NoWmic', 'Not in wmic', '1  STOPPED')].join('\r\n');
const WMIC = '\r\n\r\nDisplayName=Print Spooler\r\nName=Spooler\r\nStartMode=Auto\r\nState=Running\r\n\r\n\r\nDisplayName=Windows Update\r\nName=WUAUSERV\r\nStartMode=Manual\r\nState=Stopped\r\n\r\n';
const utf16 = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);

const sc: ScriptedCommand = { file: 'sc.exe', stdout: SC };

describe('collectWindowsServices', () => {
  it('adds the start mode from one wmic call (UTF-16LE), matching names case-insensitively', async () => {
    const calls: string[] = [];
    const services = await collectWindowsServices(scriptedEnv('win32', [sc, { file: 'wmic.exe', argsContain: 'service get', stdout: utf16(WMIC) }], {}, calls));
    expect(InventorySectionsSchema.shape.services.parse(services)).toEqual(services);
    expect(services.map((s) => [s.name, s.state, s.startMode])).toEqual([
      ['NoWmic', 'stopped', 'unknown'],
      ['Spooler', 'running', 'auto'],
      ['wuauserv', 'stopped', 'manual'],
    ]);
    expect(calls.filter((c) => c.startsWith('wmic.exe'))).toEqual(['wmic.exe service get Name,DisplayName,StartMode,State /format:list']);
  });

  it('keeps the services with start mode unknown when wmic is missing (recent Windows 11)', async () => {
    const services = await collectWindowsServices(scriptedEnv('win32', [sc]));
    expect(services).toHaveLength(3);
    expect(services.every((s) => s.startMode === 'unknown')).toBe(true);
  });
});
