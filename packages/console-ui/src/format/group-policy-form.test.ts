import { HealthPolicySchema } from '@deskside/protocol';
import { describe, expect, it } from 'vitest';
import { THRESHOLDS, thresholdDraft, validateThresholds } from './group-policy-form.js';

describe('THRESHOLDS', () => {
  it('has the bounds of HealthPolicySchema for every field', () => {
    const shape = HealthPolicySchema.shape;
    for (const spec of THRESHOLDS) {
      const schema = shape[spec.field];
      expect(schema.safeParse(spec.min).success, `${spec.field} min`).toBe(true);
      expect(schema.safeParse(spec.max).success, `${spec.field} max`).toBe(true);
      expect(schema.safeParse(spec.min - 0.5).success, `${spec.field} below`).toBe(false);
      expect(schema.safeParse(spec.max + 0.5).success, `${spec.field} above`).toBe(false);
      expect(schema.safeParse(spec.min + 0.5).success, `${spec.field} fraction`).toBe(!spec.integer);
    }
    expect(THRESHOLDS.length).toBe(Object.keys(shape).length - 1);
  });
});

describe('validateThresholds', () => {
  it('keeps only the filled-in fields, as numbers', () => {
    expect(validateThresholds({ cpuPercentMax: ' 80 ', diskFreeGbMin: '', sustainMinutes: '15' })).toEqual({
      ok: true,
      value: { cpuPercentMax: 80, sustainMinutes: 15 },
    });
  });
  it('explains each refused field', () => {
    const result = validateThresholds({ cpuPercentMax: '0', sustainMinutes: '1.5', diskFreePercentMin: 'ten', hysteresisPercent: '1e3' });
    expect(result).toEqual({
      ok: false,
      errors: {
        cpuPercentMax: 'CPU, maximum (%) must be between 1 and 100.',
        sustainMinutes: 'Sustained for (minutes) must be a whole number.',
        diskFreePercentMin: 'Disk free, minimum (%) must be a number.',
        hysteresisPercent: 'Hysteresis (%) must be a number.',
      },
    });
  });
  it('reads an override back into form text, ignoring what is not a threshold', () => {
    expect(thresholdDraft({ cpuPercentMax: 70, offlineMinutes: 5, disabledChecks: [] })).toEqual({ cpuPercentMax: '70' });
    expect(thresholdDraft(null)).toEqual({});
  });
});
