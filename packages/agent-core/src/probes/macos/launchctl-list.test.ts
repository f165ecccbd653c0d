import { describe, expect, it } from 'vitest';
import { parseWith } from '../define-probe.js';
import { okValue } from '../testing/ok-value.js';
import { parseLaunchctlList } from './launchctl-list.js';

// `launchctl list` as root on macOS 14 (excerpt): tab-separated, `-` for no pid / no status.
const LIST = [
  'PID\tStatus\tLabel',
  '-\t0\tcom.apple.SafariHistoryServiceAgent',
  '512\t0\tcom.apple.Finder',
  '-\t-9\tcom.apple.mdworker.shared.0B000000-0000-0000-0000-000000000000',
  '-\t78\tcom.example.broken-updater',
  '88\t-\tcom.apple.WindowServer',
  'garbage line without tabs',
  '',
].join('\n');

describe('parseLaunchctlList', () => {
  it('reads label, pid and last exit status', () => {
    expect(okValue(parseWith(parseLaunchctlList, LIST))).toEqual([
      { label: 'com.apple.SafariHistoryServiceAgent', pid: null, lastExitStatus: 0 },
      { label: 'com.apple.Finder', pid: 512, lastExitStatus: 0 },
      { label: 'com.apple.mdworker.shared.0B000000-0000-0000-0000-000000000000', pid: null, lastExitStatus: -9 },
      { label: 'com.example.broken-updater', pid: null, lastExitStatus: 78 },
      { label: 'com.apple.WindowServer', pid: 88, lastExitStatus: null },
    ]);
  });

  it('is unknown without the header (an error message)', () => {
    expect(parseLaunchctlList('Could not find service "x" in domain for port').status).toBe('unknown');
    expect(parseLaunchctlList('').status).toBe('unknown');
  });
});
