import { describe, expect, it } from 'vitest';
import { parseWith } from '../define-probe.js';
import { fixtureSuiteName, fixturesAvailable, listFixtures, readFixture } from '../testing/fixtures.js';
import { okValue } from '../testing/ok-value.js';
import { parseScQuery } from './sc-query.js';

const PREFIX = 'sc-query.';
const files = listFixtures('windows', PREFIX);
const parse = (name: string) => okValue(parseWith(parseScQuery, readFixture('windows', name)));

describe.skipIf(!fixturesAvailable('windows'))(fixtureSuiteName('windows', PREFIX), () => {
  it('finds the recordings', () => expect(files.length).toBeGreaterThanOrEqual(1));

  it.each(files)('%s: every service has a name, type and known state', (name) => {
    for (const service of parse(name)) {
      expect(service.name).not.toBe('');
      expect(service.type).not.toBe('');
      expect(service.state).not.toBe('unknown');
    }
  });

  it('win7 excerpt: stopped with exit code 1077, kernel driver, running with controls', () => {
    const services = parse('sc-query.win7-era.excerpt.1.txt');
    expect(services.map((s) => s.name)).toEqual(['WPCSvc', 'WPDBusEnum', 'ws2ifsl', 'wscsvc']);
    expect(services[0]).toEqual({ name: 'WPCSvc', displayName: 'Parental Controls', type: 'WIN32_SHARE_PROCESS', state: 'stopped', win32ExitCode: 1077, controls: [] });
    expect(services[2]?.type).toBe('KERNEL_DRIVER');
    expect(services[3]).toMatchObject({ displayName: 'Security Center', state: 'running', win32ExitCode: 0, controls: ['STOPPABLE', 'NOT_PAUSABLE', 'ACCEPTS_SHUTDOWN'] });
  });
});

describe('parseScQuery edge cases', () => {
  it('a block cut after SERVICE_NAME still yields the service with unknown state', () => {
    expect(okValue(parseScQuery('SERVICE_NAME: Foo\nDISPLAY_NAME: Foo service\n'))).toEqual([
      { name: 'Foo', displayName: 'Foo service', type: '', state: 'unknown', win32ExitCode: undefined, controls: [] },
    ]);
  });

  it.each(['', '[SC] OpenSCManager FAILED 5:\n\nAccess is denied.', 'random text'])('unknown for %j', (text) => {
    expect(parseScQuery(text).status).toBe('unknown');
  });
});
