import { describe, expect, it } from 'vitest';
import { checkLabel, valueText } from './alert-text.js';

describe('checkLabel', () => {
  it('names known checks and spells out unknown ones', () => {
    expect(checkLabel('disk-free')).toBe('Disk space');
    expect(checkLabel('my-custom-check')).toBe('My custom check');
  });
});

describe('valueText', () => {
  it('shows value and threshold with the unit of the check', () => {
    expect(valueText({ check: 'disk-free', value: 4.26, threshold: 10 })).toBe('4.3 % (threshold 10 %)');
    expect(valueText({ check: 'uptime', value: 45, threshold: 30 })).toBe('45 days (threshold 30 days)');
    expect(valueText({ check: 'other', value: 12345.6, threshold: null })).toBe('12,346');
    expect(valueText({ check: 'antivirus', value: null, threshold: null })).toBeNull();
  });
});
