import type { InventoryDocument, Software } from '@deskside/protocol';
import { describe, expect, it } from 'vitest';
import { fitToMessage } from './fit-message.js';

const entry = (i: number): Software => ({ name: `Microsoft Visual C++ 2015-2022 Redistributable (x64) - 14.36.${i}`, version: '14.36.32532.0', publisher: 'Microsoft Corporation', installDate: '2023-06-01', source: 'registry', arch: 'x64' });
const doc = (n: number): InventoryDocument => ({ schemaVersion: 1, collectedAt: '2026-01-01T00:00:00.000Z', agentVersion: '1', probes: [{ section: 'software', ms: 5, status: 'ok', reason: null }], software: Array.from({ length: n }, (_, i) => entry(i)) });

describe('fitToMessage', () => {
  it('leaves a document that fits alone', () => {
    const d = doc(10);
    expect(fitToMessage(d, 1_000_000)).toBe(d);
  });

  it('cuts software from the end until the JSON fits, and says so in the probe report', () => {
    const fitted = fitToMessage(doc(10_000), 1_000_000);
    expect(Buffer.byteLength(JSON.stringify(fitted))).toBeLessThanOrEqual(1_000_000);
    expect(fitted.software?.length).toBeGreaterThan(4000);
    expect(fitted.software?.length).toBeLessThan(10_000);
    expect(fitted.probes.find((p) => p.section === 'software')?.reason).toMatch(/^cut to \d+ of 10000 entries/);
  });

  it('10,000 realistic Windows entries fit the protocol limit untouched', () => {
    expect(fitToMessage(doc(10_000)).software).toHaveLength(10_000);
  });
});
