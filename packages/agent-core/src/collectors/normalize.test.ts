import { describe, expect, it } from 'vitest';
import { byteCount, cut, measure, text } from './normalize.js';
import { classifyAdapter } from './network.js';
import { isRealVolume } from './volume-filter.js';
import { createMetricsSampler } from './metrics.js';
import { MetricsSampleSchema } from '@deskside/protocol';

describe('normalisation', () => {
  it('maps empty and placeholder strings to null and trims to the limit', () => {
    expect(text('')).toBeNull();
    expect(text('  To Be Filled By O.E.M. ')).toBeNull();
    expect(text('-')).toBeNull();
    expect(text(undefined)).toBeNull();
    expect(text(' Dell Inc. ')).toBe('Dell Inc.');
    expect(text('a'.repeat(300))?.length).toBe(256);
    expect(text('ab\u0000c')).toBe('ab c');
    expect(cut('a\uD83D\uDE00', 2)).toBe('a');
  });

  it('keeps byte counts integral and in range', () => {
    expect(byteCount(1.6)).toBe(2);
    expect(byteCount(-1)).toBeNull();
    expect(byteCount(Number.NaN)).toBeNull();
    expect(byteCount(2 ** 61)).toBeNull();
    expect(byteCount('1024')).toBe(1024);
    expect(measure(0, 10)).toBeNull();
    expect(measure(-1, 10)).toBeNull();
  });

  it.each([
    ['tmpfs', '/tmp', false],
    ['overlay', '/', false],
    ['squashfs', '/snap/core/1', false],
    ['ext4', '/', true],
    ['apfs', '/System/Volumes/Preboot', false],
    ['apfs', '/System/Volumes/Data', true],
    ['NTFS', 'C:', true],
    ['ext4', '', false],
  ])('volume %s at %s is real: %s', (fs, mount, real) => {
    expect(isRealVolume(fs, mount)).toBe(real);
  });

  it.each([
    [{ iface: 'eth0', type: 'wired' }, 'wired'],
    [{ iface: 'wlp2s0', type: '' }, 'wireless'],
    [{ iface: 'Wi-Fi', type: 'wireless' }, 'wireless'],
    [{ iface: 'docker0', type: 'wired' }, 'virtual'],
    [{ iface: 'vEthernet', type: 'wired', virtual: true }, 'virtual'],
    [{ iface: 'ppp0', type: '' }, 'other'],
  ])('classifies %o as %s', (n, type) => {
    expect(classifyAdapter(n)).toBe(type);
  });
});

describe('sampleMetrics', () => {
  it('returns a valid sample on this machine', async () => {
    const sample = createMetricsSampler();
    const first = await sample();
    const second = await sample();
    expect(MetricsSampleSchema.safeParse(first).success).toBe(true);
    expect(MetricsSampleSchema.safeParse(second).success).toBe(true);
    expect(second.memTotalBytes).toBeGreaterThan(0);
    expect(second.diskTotalBytes).toBeGreaterThan(0);
  });
});

describe('compiledExecArgv', () => {
  it('drops inherited resolution conditions only', async () => {
    const { compiledExecArgv } = await import('./collect-inventory.js');
    expect(compiledExecArgv(['--require', 'x.cjs', '--conditions', 'source', '--conditions=dev', '-C', 'a', '--enable-source-maps'])).toEqual([
      '--require',
      'x.cjs',
      '--enable-source-maps',
    ]);
  });

  it('drops the V8 flags of the service command line, which a worker refuses', async () => {
    const { compiledExecArgv } = await import('./collect-inventory.js');
    const { SERVICE_NODE_FLAGS } = await import('../service/node-flags.js');
    expect(compiledExecArgv([...SERVICE_NODE_FLAGS, '--enable-source-maps'])).toEqual(['--enable-source-maps']);
  });
});
