import { describe, expect, it } from 'vitest';
import type { ExecFn, ExecResult } from '../probes/exec.js';
import { createWifiSignalSampler } from './wifi-signal.js';

const PROC_HEADER = 'Inter-| sta-|   Quality        |   Discarded packets               | Missed | WE\n face | tus | link level noise |  nwid  crypt   frag  retry   misc | beacon | 22\n';
const NETSH = '\r\n    Name                   : Wi-Fi\r\n    State                  : connected\r\n    SSID                   : Office\r\n    Signal                 : 85%\r\n';
const NETSH_NONE = '\r\nThere is no wireless interface on the system.\r\n';
const airport = (signal: string) =>
  JSON.stringify({ SPAirPortDataType: [{ spairport_airport_interfaces: [{ _name: 'en0', spairport_current_network_information: { spairport_signal_noise: signal } }] }] });

const answer = (stdout: string): ExecResult => ({ stdout: Buffer.from(stdout), stderr: new Uint8Array(), exitCode: 0 });

/** An OS command stand-in: answers what `next` holds and counts calls. */
function fakeExec() {
  const state = { calls: 0, files: [] as string[], next: (): Promise<ExecResult> => Promise.resolve(answer('')) };
  const exec: ExecFn = (file) => {
    state.calls += 1;
    state.files.push(file);
    return state.next();
  };
  return { exec, state };
}

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('createWifiSignalSampler on Linux', () => {
  const sampler = (text: string | Error) =>
    createWifiSignalSampler({ platform: 'linux', readText: () => (text instanceof Error ? Promise.reject(text) : Promise.resolve(text)) });

  it('reads the level of the associated interface and derives the quality', async () => {
    const text = `${PROC_HEADER}wlan1: 0000    0.  -256.  -256.  0 0 0 0 0 0\nwlp2s0: 0000   54.  -56.  -256  0 0 0 0 25 0\n`;
    expect(await sampler(text)()).toEqual({ signalDbm: -56, qualityPercent: 88 });
  });

  it('null without an associated interface; undefined when the file is missing (no wireless extensions)', async () => {
    expect(await sampler(PROC_HEADER)()).toBeNull();
    expect(await sampler(`${PROC_HEADER}wlan0: 0000    0.  -256.  -256.  0 0 0 0 0 0\n`)()).toBeNull();
    expect(await sampler(Object.assign(new Error('no such file'), { code: 'ENOENT' }))()).toBeUndefined();
    expect(await sampler('garbage')()).toBeUndefined();
  });
});

describe('createWifiSignalSampler on Windows', () => {
  it('runs netsh every heartbeat while connected', async () => {
    const { exec, state } = fakeExec();
    state.next = () => Promise.resolve(answer(NETSH));
    const sample = createWifiSignalSampler({ platform: 'win32', exec, now: () => 0 });
    expect(await sample()).toEqual({ signalDbm: -57, qualityPercent: 85 });
    expect(await sample()).toEqual({ signalDbm: -57, qualityPercent: 85 });
    expect(state.calls).toBe(2);
    expect(state.files).toEqual(['netsh.exe', 'netsh.exe']);
  });

  it('asks again only every few minutes while there is no Wi-Fi, or netsh fails', async () => {
    const { exec, state } = fakeExec();
    let clock = 0;
    state.next = () => Promise.resolve(answer(NETSH_NONE));
    const sample = createWifiSignalSampler({ platform: 'win32', exec, now: () => clock, idleRecheckMs: 300_000 });
    expect(await sample()).toBeNull();
    clock = 299_000;
    expect(await sample()).toBeNull();
    expect(state.calls).toBe(1);
    state.next = () => Promise.resolve({ ...answer('The Wireless AutoConfig Service (wlansvc) is not running.'), exitCode: 1 });
    clock = 300_000;
    expect(await sample()).toBeUndefined();
    clock = 310_000;
    expect(await sample()).toBeUndefined();
    expect(state.calls).toBe(2);
    state.next = () => Promise.resolve(answer(NETSH));
    clock = 600_000;
    expect(await sample()).toEqual({ signalDbm: -57, qualityPercent: 85 });
  });

  it('a netsh that hangs costs a heartbeat at most the time box, and a second one is not started', async () => {
    const { exec, state } = fakeExec();
    const hung = deferred<ExecResult>();
    state.next = () => hung.promise;
    const sample = createWifiSignalSampler({ platform: 'win32', exec, now: () => 0, timeoutMs: 20 });
    const started = performance.now();
    expect(await sample()).toBeUndefined();
    expect(await sample()).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(state.calls).toBe(1);
    // When it finally answers, the next heartbeat gets that answer (joined, not run again).
    hung.resolve(answer(NETSH));
    expect(await sample()).toEqual({ signalDbm: -57, qualityPercent: 85 });
    expect(state.calls).toBe(1);
    state.next = () => Promise.resolve(answer(NETSH.replace('85%', '40%')));
    expect(await sample()).toEqual({ signalDbm: -80, qualityPercent: 40 });
    expect(state.calls).toBe(2);
  });
});

describe('createWifiSignalSampler on macOS', () => {
  it('runs system_profiler in the background and reuses its answer for minutes', async () => {
    const { exec, state } = fakeExec();
    let clock = 0;
    let run = deferred<ExecResult>();
    state.next = () => run.promise;
    const sample = createWifiSignalSampler({ platform: 'darwin', exec, now: () => clock, timeoutMs: 10, slowSourceMaxAgeMs: 300_000 });
    // First heartbeat: system_profiler is slower than the time box, so nothing yet.
    expect(await sample()).toBeUndefined();
    run.resolve(answer(airport('-67 dBm / -94 dBm')));
    await run.promise;
    clock = 30_000;
    expect(await sample()).toEqual({ signalDbm: -67, qualityPercent: 66 });
    clock = 299_000;
    expect(await sample()).toEqual({ signalDbm: -67, qualityPercent: 66 });
    expect(state.calls).toBe(1);
    // Stale: a new run starts; while it is slow, the previous reading still stands.
    run = deferred<ExecResult>();
    clock = 330_000;
    expect(await sample()).toEqual({ signalDbm: -67, qualityPercent: 66 });
    expect(state.calls).toBe(2);
    expect(state.files).toEqual(['/usr/sbin/system_profiler', '/usr/sbin/system_profiler']);
    run.resolve(answer(airport('-50 dBm / -94 dBm')));
    await run.promise;
    clock = 331_000;
    expect(await sample()).toEqual({ signalDbm: -50, qualityPercent: 100 });
  });

  it('drops a reading that is far too old when the source keeps failing to answer', async () => {
    const { exec, state } = fakeExec();
    let clock = 0;
    state.next = () => Promise.resolve(answer(airport('-60 dBm / -90 dBm')));
    const sample = createWifiSignalSampler({ platform: 'darwin', exec, now: () => clock, timeoutMs: 10, slowSourceMaxAgeMs: 300_000 });
    expect(await sample()).toEqual({ signalDbm: -60, qualityPercent: 80 });
    state.next = () => new Promise<ExecResult>(() => undefined);
    clock = 910_000;
    expect(await sample()).toBeUndefined();
  });
});

describe('createWifiSignalSampler elsewhere', () => {
  it('answers undefined without running anything', async () => {
    const { exec, state } = fakeExec();
    expect(await createWifiSignalSampler({ platform: 'freebsd', exec })()).toBeUndefined();
    expect(state.calls).toBe(0);
  });
});
