import { describe, expect, it } from 'vitest';
import { formatUptime, vendorAndModel } from './device-facts.js';

describe('formatUptime', () => {
  it('reads in days and hours, hours and minutes, or minutes', () => {
    expect(formatUptime(null)).toBe('—');
    expect(formatUptime((3 * 24 + 4) * 3_600_000 + 5 * 60_000)).toBe('3 d 4 h');
    expect(formatUptime(5 * 3_600_000 + 12 * 60_000)).toBe('5 h 12 min');
    expect(formatUptime(12 * 60_000)).toBe('12 min');
  });
});

describe('vendorAndModel', () => {
  it('does not repeat a vendor the model already names', () => {
    expect(vendorAndModel('HP', 'HP EliteBook 840 G10')).toBe('HP EliteBook 840 G10');
    expect(vendorAndModel('Dell Inc.', 'Latitude 5440')).toBe('Dell Inc. Latitude 5440');
    expect(vendorAndModel(null, 'Virtual Machine')).toBe('Virtual Machine');
  });
});
