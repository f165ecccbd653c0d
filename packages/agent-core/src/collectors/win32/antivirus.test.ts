import { InventorySectionsSchema } from '@deskside/protocol';
import { describe, expect, it } from 'vitest';
import type { ExecFn } from '../../probes/exec.js';
import type { DefenderStatus } from '../../probes/windows/mp-computer-status.js';
import type { CollectorEnv } from '../env.js';
import { scriptedEnv, type ScriptedCommand } from '../exec-fixtures.js';
import { collectWindowsAntivirus, defenderEnabled, defenderUpToDate, DEFENDER_NAME, SIGNATURE_DUE_DAYS } from './antivirus.js';
import { collectWindowsSecurity } from './security.js';

// Inline outputs written for these tests: Security Center as Get-CimInstance | Format-List prints it,
// Defender as ConvertTo-Json -Compress does on Windows PowerShell 5.1.
const scDefender = (name: string, state = 397568) => `\r\ndisplayName              : ${name}\r\nproductState             : ${state}\r\npathToSignedReportingExe : %ProgramFiles%\\Windows Defender\\MsMpeng.exe\r\n`;
const SC_OTHER = '\r\ndisplayName              : Contoso Endpoint\r\nproductState             : 266240\r\npathToSignedReportingExe : C:\\Program Files\\Contoso\\av.exe\r\n';
const mp = (fields: Record<string, unknown> = {}) =>
  JSON.stringify({
    AMServiceEnabled: true,
    AntivirusEnabled: true,
    RealTimeProtectionEnabled: true,
    AMRunningMode: 'Normal',
    AntivirusSignatureVersion: '1.401.1234.0',
    AntivirusSignatureLastUpdated: '/Date(1700000000000)/',
    AntivirusSignatureAge: 1,
    DefenderSignaturesOutOfDate: false,
    ...fields,
  });

const sc = (stdout: string): ScriptedCommand => ({ file: 'powershell.exe', argsContain: 'SecurityCenter2', stdout });
const mpCmd = (stdout: string): ScriptedCommand => ({ file: 'powershell.exe', argsContain: 'Get-MpComputerStatus', stdout });
// Windows Server: no root/SecurityCenter2 namespace, Get-CimInstance fails.
const SC_MISSING: ScriptedCommand = { file: 'powershell.exe', argsContain: 'SecurityCenter2', exitCode: 1 };
// Defender off or replaced, or the module missing: the cmdlet fails and prints nothing on stdout.
const MP_FAILS: ScriptedCommand = { file: 'powershell.exe', argsContain: 'Get-MpComputerStatus', exitCode: 1 };

async function antivirus(commands: ScriptedCommand[]) {
  const reasons: string[] = [];
  return { list: await collectWindowsAntivirus(scriptedEnv('win32', commands), reasons), reasons };
}

describe('collectWindowsAntivirus', () => {
  it.each(['Windows Defender', 'Microsoft Defender Antivirus'])('the Security Center entry %s gets the definitions version and date', async (name) => {
    const { list } = await antivirus([sc(scDefender(name)), mpCmd(mp())]);
    expect(list).toEqual([{ name, enabled: true, upToDate: true, definitionsVersion: '1.401.1234.0', definitionsUpdatedAt: '2023-11-14T22:13:20.000Z' }]);
  });

  it("Security Center's productState wins over Defender's own flags for enabled and up to date", async () => {
    const { list } = await antivirus([sc(scDefender('Windows Defender', 397584)), mpCmd(mp({ DefenderSignaturesOutOfDate: false }))]);
    expect(list?.[0]).toMatchObject({ enabled: true, upToDate: false, definitionsVersion: '1.401.1234.0' });
  });

  it('Defender fills enabled / up to date where Security Center gave only the name', async () => {
    const { list } = await antivirus([sc('displayName=Windows Defender\r\n'), mpCmd(mp({ RealTimeProtectionEnabled: false, DefenderSignaturesOutOfDate: true }))]);
    expect(list).toEqual([{ name: 'Windows Defender', enabled: false, upToDate: false, definitionsVersion: '1.401.1234.0', definitionsUpdatedAt: '2023-11-14T22:13:20.000Z' }]);
  });

  it('only the Defender entry gets definitions fields; another product has none (its source does not say)', async () => {
    const { list } = await antivirus([sc(SC_OTHER + scDefender('Windows Defender', 393472)), mpCmd(mp({ AMRunningMode: 'Passive Mode' }))]);
    expect(list).toEqual([
      { name: 'Contoso Endpoint', enabled: true, upToDate: true },
      { name: 'Windows Defender', enabled: false, upToDate: true, definitionsVersion: '1.401.1234.0', definitionsUpdatedAt: '2023-11-14T22:13:20.000Z' },
    ]);
  });

  it('a Defender that Security Center does not list is not added', async () => {
    const { list } = await antivirus([sc(SC_OTHER), mpCmd(mp())]);
    expect(list).toEqual([{ name: 'Contoso Endpoint', enabled: true, upToDate: true }]);
  });

  it('Defender status unavailable: its entry says null (could not read), with the reason kept', async () => {
    const { list, reasons } = await antivirus([sc(scDefender('Windows Defender')), MP_FAILS]);
    expect(list).toEqual([{ name: 'Windows Defender', enabled: true, upToDate: true, definitionsVersion: null, definitionsUpdatedAt: null }]);
    expect(reasons).toEqual([expect.stringMatching(/^windows\.get-mpcomputerstatus: powershell\.exe exited with code 1/)]);
  });

  it('Windows Server (no Security Center): one entry from Get-MpComputerStatus', async () => {
    const { list, reasons } = await antivirus([SC_MISSING, mpCmd(mp({ AntivirusSignatureAge: 9, DefenderSignaturesOutOfDate: null }))]);
    expect(list).toEqual([{ name: DEFENDER_NAME, enabled: true, upToDate: false, definitionsVersion: '1.401.1234.0', definitionsUpdatedAt: '2023-11-14T22:13:20.000Z' }]);
    expect(reasons).toEqual([expect.stringMatching(/^windows\.security-center-antivirus: /)]);
  });

  it('Windows Server with Defender turned off: unknown, not "off" (a third-party antivirus is invisible there)', async () => {
    const { list } = await antivirus([SC_MISSING, mpCmd(mp({ AntivirusEnabled: false, RealTimeProtectionEnabled: false }))]);
    expect(list?.[0]).toMatchObject({ name: DEFENDER_NAME, enabled: null });
  });

  it('neither answers: undefined, and both reasons', async () => {
    const { list, reasons } = await antivirus([SC_MISSING, MP_FAILS]);
    expect(list).toBeUndefined();
    expect(reasons.map((r) => r.split(':')[0]).sort()).toEqual(['windows.get-mpcomputerstatus', 'windows.security-center-antivirus']);
  });

  it('runs Security Center and Get-MpComputerStatus at the same time', async () => {
    const base = scriptedEnv('win32', [sc(scDefender('Windows Defender')), mpCmd(mp())]);
    let inFlight = 0;
    let most = 0;
    const exec: ExecFn = async (file, args, options) => {
      most = Math.max(most, ++inFlight);
      // Yield a full turn so a second command can start only if it was launched without waiting for this one.
      await new Promise<void>((resolve) => setImmediate(resolve));
      try {
        return await base.exec(file, args, options);
      } finally {
        inFlight -= 1;
      }
    };
    const env: CollectorEnv = { ...base, exec };
    expect(await collectWindowsAntivirus(env, [])).toHaveLength(1);
    expect(most).toBe(2);
  });
});

describe('collectWindowsSecurity with Defender', () => {
  it('a server where only Defender answers still has a schema-valid section', async () => {
    const security = await collectWindowsSecurity(scriptedEnv('win32', [SC_MISSING, mpCmd(mp())]));
    const parsed = InventorySectionsSchema.shape.security.parse(security);
    expect(parsed?.antivirus).toEqual([{ name: DEFENDER_NAME, enabled: true, upToDate: true, definitionsVersion: '1.401.1234.0', definitionsUpdatedAt: '2023-11-14T22:13:20.000Z' }]);
    expect(parsed?.firewallEnabled).toBeNull();
  });
});

const status = (fields: Partial<DefenderStatus> = {}): DefenderStatus => ({
  serviceEnabled: true,
  antivirusEnabled: true,
  realTimeProtectionEnabled: true,
  runningMode: 'Normal',
  signatureVersion: '1.401.1234.0',
  signatureUpdatedAt: null,
  signatureAgeDays: 0,
  signaturesOutOfDate: null,
  ...fields,
});

describe('defenderEnabled', () => {
  it.each([
    ['all on', {}, true],
    ['real-time protection off', { realTimeProtectionEnabled: false }, false],
    ['antivirus off', { antivirusEnabled: false }, false],
    ['service off', { serviceEnabled: false }, false],
    ['service flag missing, the rest on', { serviceEnabled: null }, true],
    ['real-time protection unknown', { realTimeProtectionEnabled: null }, null],
    ['passive mode: another antivirus is active', { runningMode: 'Passive Mode', realTimeProtectionEnabled: false }, null],
    ['EDR block mode', { runningMode: 'EDR Block Mode' }, null],
    ['older platform without a running mode', { runningMode: null }, true],
  ] as const)('%s → %s', (_label, fields, expected) => {
    expect(defenderEnabled(status(fields))).toBe(expected);
  });
});

describe('defenderUpToDate', () => {
  it.each([
    ["Defender's own verdict: current, even past the default age (the admin's policy allows it)", { signaturesOutOfDate: false, signatureAgeDays: 10 }, true],
    ["Defender's own verdict: out of date", { signaturesOutOfDate: true, signatureAgeDays: 0 }, false],
    ['no verdict, age at the threshold', { signatureAgeDays: SIGNATURE_DUE_DAYS }, true],
    ['no verdict, a day past it', { signatureAgeDays: SIGNATURE_DUE_DAYS + 1 }, false],
    ['no verdict, never updated (65535)', { signatureAgeDays: 65535 }, false],
    ['no verdict, no age', { signatureAgeDays: null }, null],
  ] as const)('%s → %s', (_label, fields, expected) => {
    expect(defenderUpToDate(status(fields))).toBe(expected);
  });
});
