import { AGENT_CHECKS, HUB_CHECKS, TicketCategorySchema } from '@deskside/protocol';
import { describe, expect, it } from 'vitest';
import { categoryForCheck } from './alert-category.js';

describe('categoryForCheck', () => {
  it('files hardware, software and network checks where a technician would', () => {
    expect(categoryForCheck('smart-failing')).toBe('hardware');
    expect(categoryForCheck('disk-free')).toBe('hardware');
    expect(categoryForCheck('antivirus')).toBe('software');
    expect(categoryForCheck('device-offline')).toBe('network');
  });

  it('answers a valid category for every known check, and "other" for unknown ones', () => {
    for (const check of [...AGENT_CHECKS, ...HUB_CHECKS]) expect(TicketCategorySchema.safeParse(categoryForCheck(check)).success).toBe(true);
    expect(categoryForCheck('duplicate-identity')).toBe('other');
    expect(categoryForCheck('some-future-check')).toBe('other');
    expect(categoryForCheck('constructor')).toBe('other');
  });
});
