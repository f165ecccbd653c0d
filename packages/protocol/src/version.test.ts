import { describe, expect, it } from 'vitest';
import { isSupportedProtocol, MIN_SUPPORTED_PROTOCOL_VERSION, PROTOCOL_VERSION } from './version.js';

describe('isSupportedProtocol', () => {
  it('accepts the supported range only', () => {
    expect(isSupportedProtocol(PROTOCOL_VERSION)).toBe(true);
    expect(isSupportedProtocol(MIN_SUPPORTED_PROTOCOL_VERSION - 1)).toBe(false);
    expect(isSupportedProtocol(PROTOCOL_VERSION + 1)).toBe(false);
    expect(isSupportedProtocol(1.5)).toBe(false);
    expect(isSupportedProtocol(Number.NaN)).toBe(false);
  });
});
